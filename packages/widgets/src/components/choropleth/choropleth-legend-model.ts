// The map's legend as data, for `<chronos-legend>` and pages that draw their own (the `legendModel` getter),
// and which regions a legend entry stands for (the `highlightClass` method outlines them). Derived from
// what the map painted: its values, breaks and class colours.
import { type Breaks, type ChoroplethData, classIndex, classRanges, noDataLabel } from '@chronos/core';

export interface LegendEntry {
  /** The class index (0 = lowest), or `no-data`. */
  index: number | 'no-data';
  /** The class's colour (`no-data`: empty; drawn hatched with --chronos-no-data-color). */
  color: string;
  /** Lower and upper bound of the class (absent for `no-data`). */
  from?: number;
  to?: number;
  /** The bounds formatted like the map's values, or the "No data" label. */
  label: string;
  /** Region codes in this entry for the period shown. */
  regions: string[];
}

export interface ChoroplethLegend {
  /** The metric's title. */
  title: string;
  /** The metric's units (`percent`, `USD`, …). */
  units: string;
  /** The period shown, `YYYY-MM-DD`. */
  time: string;
  entries: LegendEntry[];
}

export interface LegendSource {
  data: ChoroplethData | undefined;
  breaks: Breaks | undefined;
  colors: readonly string[];
  format(value: number): string;
  missing(data: ChoroplethData): string[];
  locale: string;
}

export function legendOf(source: LegendSource): ChoroplethLegend | undefined {
  const { data, breaks } = source;
  if (!data) return undefined;
  const byClass = new Map<number, string[]>();
  if (breaks) {
    for (const value of data.values) {
      const index = classIndex(value.value, breaks);
      if (index >= 0) byClass.set(index, [...(byClass.get(index) ?? []), value.region]);
    }
  }
  const entries: LegendEntry[] = (breaks ? classRanges(breaks) : []).map((range) => ({
    index: range.index,
    color: source.colors[range.index] ?? '',
    from: range.from,
    to: range.to,
    label: `${source.format(range.from)} – ${source.format(range.to)}`,
    regions: byClass.get(range.index) ?? [],
  }));
  const missing = source.missing(data);
  if (missing.length > 0) {
    entries.push({ index: 'no-data', color: '', label: noDataLabel(source.locale), regions: missing });
  }
  return { title: data.metric.title, units: data.metric.units, time: data.time, entries };
}

/** The regions a legend entry stands for; none for null or an entry that does not exist. */
export function regionsOfClass(legend: ChoroplethLegend | undefined, index: number | 'no-data' | null): string[] {
  if (index === null || !legend) return [];
  return legend.entries.find((entry) => entry.index === index)?.regions ?? [];
}
