// The map's legend as data, for `<chronos-legend>` and pages that draw their own (the `legendModel` getter),
// and which regions a legend entry stands for (the `highlightClass` method outlines them). Derived from
// what the map painted: its values, breaks and class colours.
import { type Breaks, type ChoroplethData, classIndex, noDataLabel } from '@chronos/core';
import type { LegendGroup } from './choropleth-legend-view.ts';

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
  /** With a metric classified per country: the country (`US`, `CA`) whose classes these are, and its row label. */
  country?: string;
  countryLabel?: string;
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
  /** The legend's rows as the map draws them: one, or one per country. */
  groups: LegendGroup[];
  /** The breaks of a country's row (undefined: the single row's). */
  breaks(country: string | undefined): Breaks | undefined;
  colors: readonly string[];
  format(value: number): string;
  missing(data: ChoroplethData): string[];
  locale: string;
}

export function legendOf(source: LegendSource): ChoroplethLegend | undefined {
  const { data } = source;
  if (!data) return undefined;
  const entries: LegendEntry[] = source.groups.flatMap((group) => {
    const breaks = source.breaks(group.country);
    const values = group.country ? data.values.filter((v) => v.region.startsWith(`${group.country}-`)) : data.values;
    return group.ranges.map((range) => ({
      index: range.index,
      color: source.colors[range.index] ?? '',
      from: range.from,
      to: range.to,
      label: `${source.format(range.from)} – ${source.format(range.to)}`,
      regions: breaks ? values.filter((v) => classIndex(v.value, breaks) === range.index).map((v) => v.region) : [],
      ...(group.country ? { country: group.country, countryLabel: group.label ?? group.country } : {}),
    }));
  });
  const missing = source.missing(data);
  if (missing.length > 0) {
    entries.push({ index: 'no-data', color: '', label: noDataLabel(source.locale), regions: missing });
  }
  return { title: data.metric.title, units: data.metric.units, time: data.time, entries };
}

/** The regions of a legend class; classified per country, those of `country`'s row (of every row when it is
 * not given); none for null. */
export function regionsOfClass(
  legend: ChoroplethLegend | undefined,
  index: number | 'no-data' | null,
  country?: string,
): string[] {
  if (index === null || !legend) return [];
  return legend.entries
    .filter((entry) => entry.index === index && (index === 'no-data' || !country || entry.country === country))
    .flatMap((entry) => entry.regions);
}
