// The values an element shows, as CSV (RFC 4180): one row per region with its code, name, value, status,
// period and source, in the order the caller gives. Fields are quoted only when they must be (a comma, a
// quote or a line break), rows end with CRLF, and numbers are written as JavaScript writes them (`5.5`,
// never localised), so spreadsheets and scripts read the same value the API sent.
import type { ChoroplethData } from './types.ts';

/** The columns of `choroplethCsv`, in order: stable identifiers, not translated. */
export const CSV_COLUMNS = ['region', 'name', 'value', 'status', 'period', 'source'] as const;

export type CsvField = string | number | null | undefined;

/** One field as CSV: quoted (quotes doubled) when it holds a comma, a quote, CR or LF; empty for null. */
export function csvField(field: CsvField): string {
  if (field === null || field === undefined) return '';
  const text = typeof field === 'number' ? (Number.isFinite(field) ? String(field) : '') : field;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of fields as CSV text, each row ended by CRLF. */
export function toCsv(rows: Iterable<readonly CsvField[]>): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvField).join(',')}\r\n`;
  return text;
}

/**
 * `data` as CSV: a header row (CSV_COLUMNS), then one row per region of `regions` (its code and display
 * name) with the region's value (empty when it has none), observation status, the period (`YYYY-MM-DD`,
 * as the API sends it) and the source of the region's country (every source when none names it).
 */
export function choroplethCsv(data: ChoroplethData, regions: Iterable<{ code: string; name: string }>): string {
  const values = new Map(data.values.map((value) => [value.region, value]));
  const sources = data.metric.sources ?? [];
  const sourceOf = (code: string): string => {
    const country = code.split('-')[0];
    const own = sources.filter((source) => source.country === country);
    const names = (own.length > 0 ? own : sources).map((source) => source.name);
    return [...new Set(names)].join('; ');
  };
  const rows: CsvField[][] = [[...CSV_COLUMNS]];
  for (const { code, name } of regions) {
    const value = values.get(code);
    rows.push([code, name, value?.value ?? null, value?.status ?? '', data.time, sourceOf(code)]);
  }
  return toCsv(rows);
}
