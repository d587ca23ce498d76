// The image toPNG() produces, composed on a 2D canvas: the title and period above the map as drawn, the
// legend under it (one swatch per class, and "No data" hatched), then the source and the period of the
// data, in the element's own colours and font (so the dark theme exports dark). Every size is in CSS
// pixels times `scale`, the ratio the map itself was read at.

/** One legend entry: a class colour and its range, or the no-data swatch (hatched like the map). */
export interface LegendEntry {
  color: string;
  label: string;
  /** Stripe colour over `color` (the no-data hatch). */
  stripe?: string;
  /** A group's heading (a country's name): no swatch, on a row of its own. */
  heading?: boolean;
}

export interface ImageParts {
  /** The map's pixels, read at `scale` device pixels per CSS pixel. */
  map: HTMLCanvasElement;
  scale: number;
  title: string;
  subtitle: string;
  legend: LegendEntry[];
  /** Lines under the legend (source, period). */
  credits: string[];
  colors: { background: string; text: string; muted: string; border: string };
  fontFamily: string;
}

const PAD = 12;
const TITLE_SIZE = 16;
const SUBTITLE_SIZE = 13;
const LEGEND_SIZE = 12;
const SWATCH = 12;
const CREDIT_SIZE = 11;
const LINE = 1.4;

/** The composed image as a PNG. */
export function composeImage(parts: ImageParts): Promise<Blob> {
  const { scale } = parts;
  const width = parts.map.width / scale;
  const mapHeight = parts.map.height / scale;
  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d')!;
  const font = (size: number, weight = 400) => `${weight} ${size}px ${parts.fontFamily}`;
  const inner = width - 2 * PAD;

  measure.font = font(TITLE_SIZE, 600);
  const titleLines = wrap(measure, parts.title, inner);
  measure.font = font(SUBTITLE_SIZE);
  const subtitleLines = parts.subtitle ? wrap(measure, parts.subtitle, inner) : [];
  measure.font = font(LEGEND_SIZE);
  const legendRows = flow(measure, parts.legend, inner);
  measure.font = font(CREDIT_SIZE);
  const creditLines = parts.credits.flatMap((line) => wrap(measure, line, inner));

  const headerHeight =
    PAD + titleLines.length * TITLE_SIZE * LINE + subtitleLines.length * SUBTITLE_SIZE * LINE + PAD / 2;
  const legendHeight = legendRows.length * LEGEND_SIZE * LINE * 1.3;
  const height =
    headerHeight + mapHeight + PAD + legendHeight + PAD / 2 + creditLines.length * CREDIT_SIZE * LINE + PAD;

  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d')!;
  context.scale(scale, scale);
  context.fillStyle = parts.colors.background;
  context.fillRect(0, 0, width, height);
  context.textBaseline = 'top';

  let y = PAD;
  context.fillStyle = parts.colors.text;
  context.font = font(TITLE_SIZE, 600);
  for (const line of titleLines) {
    context.fillText(line, PAD, y);
    y += TITLE_SIZE * LINE;
  }
  context.fillStyle = parts.colors.muted;
  context.font = font(SUBTITLE_SIZE);
  for (const line of subtitleLines) {
    context.fillText(line, PAD, y);
    y += SUBTITLE_SIZE * LINE;
  }
  y = headerHeight;
  context.drawImage(parts.map, 0, y, width, mapHeight);
  context.strokeStyle = parts.colors.border;
  context.lineWidth = 1;
  context.strokeRect(0.5, y + 0.5, width - 1, mapHeight - 1);
  y += mapHeight + PAD;

  context.font = font(LEGEND_SIZE);
  for (const row of legendRows) {
    for (const { entry, x } of row) {
      if (entry.heading) {
        context.fillStyle = parts.colors.muted;
        context.fillText(entry.label, PAD + x, y + (LEGEND_SIZE * LINE - LEGEND_SIZE) / 2);
        continue;
      }
      drawSwatch(context, entry, PAD + x, y + (LEGEND_SIZE * LINE - SWATCH) / 2, parts.colors.border);
      context.fillStyle = parts.colors.text;
      context.fillText(entry.label, PAD + x + SWATCH + 5, y + (LEGEND_SIZE * LINE - LEGEND_SIZE) / 2);
    }
    y += LEGEND_SIZE * LINE * 1.3;
  }
  y += PAD / 2;
  context.fillStyle = parts.colors.muted;
  context.font = font(CREDIT_SIZE);
  for (const line of creditLines) {
    context.fillText(line, PAD, y);
    y += CREDIT_SIZE * LINE;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('toPNG: the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}

function drawSwatch(context: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number, border: string): void {
  context.fillStyle = entry.color;
  context.fillRect(x, y, SWATCH, SWATCH);
  if (entry.stripe) {
    // The map's hatch: a diagonal line every 4 px.
    context.save();
    context.beginPath();
    context.rect(x, y, SWATCH, SWATCH);
    context.clip();
    context.strokeStyle = entry.stripe;
    context.lineWidth = 1.5;
    for (let offset = -SWATCH; offset < SWATCH; offset += 4) {
      context.moveTo(x + offset, y + SWATCH);
      context.lineTo(x + offset + SWATCH, y);
    }
    context.stroke();
    context.restore();
  }
  context.strokeStyle = border;
  context.lineWidth = 1;
  context.strokeRect(x + 0.5, y + 0.5, SWATCH - 1, SWATCH - 1);
}

/** Words of `text` in lines no wider than `width` (a word longer than a line gets a line of its own). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && context.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Legend entries laid out left to right, in rows no wider than `width`. */
function flow(
  context: CanvasRenderingContext2D,
  entries: LegendEntry[],
  width: number,
): { entry: LegendEntry; x: number }[][] {
  const rows: { entry: LegendEntry; x: number }[][] = [];
  let row: { entry: LegendEntry; x: number }[] = [];
  let x = 0;
  for (const entry of entries) {
    const entryWidth = (entry.heading ? 0 : SWATCH + 5) + context.measureText(entry.label).width;
    if (row.length > 0 && (entry.heading || x + entryWidth > width)) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ entry, x });
    x += entryWidth + 14;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
