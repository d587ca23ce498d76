// A one-line progress bar for the build. Hand-written (20 lines) rather than a dependency: it redraws
// one line on a terminal and, when output is a file or CI log, prints only the final line.
export interface Progress {
  update(units: number, detail: string): void;
  done(detail: string): void;
}

const WIDTH = 28;

export function createProgress(label: string, totalUnits: number, out: NodeJS.WritableStream | null): Progress {
  const tty = Boolean(out && (out as NodeJS.WriteStream).isTTY);
  let lastDrawn = 0;
  const line = (fraction: number, detail: string) => {
    const filled = Math.round(Math.min(1, fraction) * WIDTH);
    return `${label.padEnd(10)} [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${detail}`;
  };
  return {
    update(units, detail) {
      const now = performance.now();
      if (!tty || now - lastDrawn < 80) return;
      lastDrawn = now;
      out!.write(`\r\x1b[2K${line(units / totalUnits, detail)}`);
    },
    done(detail) {
      if (out) out.write(`${tty ? '\r\x1b[2K' : ''}${line(1, detail)}\n`);
    },
  };
}
