// How <chronos-choropleth> describes a region to events, the tooltip and the table (name, value, its
// formatted text, status, period), and the period label; the values of one body are indexed once.
import { type ChoroplethData, formatPeriod, type RegionValue } from '@chronos/core';
import type { RegionEventDetail } from '../../events/region-detail.ts';

const valueIndex = new WeakMap<ChoroplethData, Map<string, RegionValue>>();

function regionValue(data: ChoroplethData | undefined, code: string): RegionValue | undefined {
  if (!data) return undefined;
  let index = valueIndex.get(data);
  if (!index) {
    index = new Map(data.values.map((v) => [v.region, v]));
    valueIndex.set(data, index);
  }
  return index.get(code);
}

/**
 * A region as events describe it. The name comes from the geometry, else from the values (when they
 * carry more than the code), else it is the code.
 */
export function describeRegion(
  code: string,
  data: ChoroplethData | undefined,
  names: ReadonlyMap<string, string> | undefined,
  format: (value: number | null, region: RegionValue | undefined) => string,
): RegionEventDetail {
  const value = regionValue(data, code);
  const name = names?.get(code) ?? (value && value.name !== code ? value.name : undefined) ?? code;
  return {
    code,
    name,
    value: value?.value ?? null,
    formattedValue: format(value?.value ?? null, value),
    ...(value?.status ? { status: value.status } : {}),
    ...(data?.time ? { time: data.time } : {}),
  };
}

/** The period shown, in words for `locale` (the raw date when its frequency cannot be formatted). */
export function periodLabel(data: ChoroplethData | undefined, locale: string): string {
  if (!data?.time) return '';
  try {
    return formatPeriod(data.time, data.metric.frequency, locale);
  } catch {
    return data.time;
  }
}
