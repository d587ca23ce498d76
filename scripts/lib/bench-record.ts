// What a `bench:*` script reports: one figure, measured against a baseline in the same run.
// `pnpm bench` collects the records (JSON lines in $CHRONOS_BENCH_OUT) and prints one table.
import { appendFileSync } from 'node:fs';

export interface BenchFigure {
  /** The bench this figure belongs to, e.g. "api". */
  bench: string;
  /** What was measured, e.g. "cached mode=data throughput". */
  figure: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run (omit for absolute goals such as sizes). */
  baseline?: string;
  baselineValue?: number;
  /** value / baselineValue (or the goal's own ratio); computed when omitted. */
  ratio?: number;
  /** The goal in words, e.g. "≥ 0.8× baseline" or "≤ 120 KB". */
  goal: string;
  pass: boolean;
}

export function recordFigure(figure: BenchFigure): void {
  const ratio = figure.ratio ?? (figure.baselineValue ? figure.value / figure.baselineValue : undefined);
  const line = JSON.stringify({ ...figure, ratio });
  if (process.env.CHRONOS_BENCH_OUT) appendFileSync(process.env.CHRONOS_BENCH_OUT, `${line}\n`);
  const base = figure.baseline ? ` vs ${figure.baseline} ${format(figure.baselineValue)} ${figure.unit}` : '';
  process.stdout.write(
    `  ${figure.pass ? '✓' : '✗'} ${figure.figure}: ${format(figure.value)} ${figure.unit}${base}${ratio === undefined ? '' : ` (${ratio.toFixed(2)}×)`} — goal ${figure.goal}\n`,
  );
}

export function format(value: number | undefined): string {
  if (value === undefined) return '';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(2);
}

/** The median of a list of measurements (benches alternate rounds and compare medians). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
