// How <chronos-choropleth> describes a region to events, the tooltip and the table (name, value, its
// formatted text, status, period), and the period label; the values of one body are indexed once.
import {
  type ChoroplethData,
  formatPeriod,
  formatValue as formatMetricValue,
  type Messages,
  type ObservationStatus,
  type RegionValue,
} from '@chronos/core';
import type { ReactiveControllerHost } from 'lit';
import type { ChronosErrorDetail } from '../../events/error.ts';
import type { ChronosLoadDetail } from '../../events/load.ts';
import type { RegionEventDetail } from '../../events/region-detail.ts';
import { LangController } from '../../internal/lang.ts';

/** Formats a value for the tooltip, legend and table instead of the metric's own format. */
export type ValueFormatter = (value: number | null, region: RegionValue | undefined) => string;

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

/** The `chronos-load` detail for `data`, whose regions `missing` have no value. */
export function loadDetail(data: ChoroplethData, missing: string[]): ChronosLoadDetail {
  const withData = data.values.filter((value) => typeof value.value === 'number').length;
  return {
    metric: data.metric.id,
    ...(data.time ? { time: data.time } : {}),
    regionsWithData: withData,
    missing,
  };
}

/** What RegionText reads from the element, at the time it is asked. */
export interface RegionTextSource {
  data(): ChoroplethData | undefined;
  /** Code → name in `language` (`en`, `fr`). */
  names(language: string): ReadonlyMap<string, string> | undefined;
  formatValue(): ValueFormatter | undefined;
  /** The page's formatValue threw. */
  report(detail: ChronosErrorDetail): void;
}

/** The element's words for values, regions and the period, in the language of the page around it. */
export class RegionText {
  #element: HTMLElement;
  #source: RegionTextSource;
  #lang: LangController;

  constructor(element: HTMLElement & ReactiveControllerHost, source: RegionTextSource) {
    this.#element = element;
    this.#source = source;
    this.#lang = new LangController(element);
  }

  /** The BCP 47 tag numbers and dates are formatted for. */
  get locale(): string {
    return this.#lang.locale;
  }

  /** Formats a period once: the page's first date formatter costs tens of ms (the browser loads its calendar data). */
  loadCalendar(): void {
    periodLabel({ time: '2000-01-01', metric: { frequency: 'monthly' } } as ChoroplethData, this.locale);
  }

  /** The chrome's strings in the page's language. */
  get messages(): Messages {
    return this.#lang.messages;
  }

  /** Whether those words are settled: arrived, or English after the catalogue's fetch failed. */
  get settled(): boolean {
    return this.#lang.settled;
  }

  /** A status value (`preliminary`, …) in the page's language. */
  status(status: ObservationStatus | string | undefined): string {
    return status ? (this.messages.map.status[status as ObservationStatus] ?? status) : '';
  }

  /** `formatValue` when the page set one (its errors reported), else the metric's units and format. */
  format(value: number | null, region?: RegionValue): string {
    const formatValue = this.#source.formatValue();
    if (formatValue) {
      try {
        // Called as the element's method, as the page set it.
        return formatValue.call(this.#element, value, region);
      } catch (error) {
        this.#source.report({ kind: 'attribute', attribute: 'formatValue', message: (error as Error).message });
      }
    }
    const metric = this.#source.data()?.metric;
    return formatMetricValue(value, {
      locale: this.locale,
      ...(metric?.units ? { units: metric.units } : {}),
      ...(metric?.number_format ? { numberFormat: metric.number_format } : {}),
    });
  }

  period(): string {
    return periodLabel(this.#source.data(), this.locale);
  }

  region(code: string): RegionEventDetail {
    return describeRegion(code, this.#source.data(), this.#source.names(this.#lang.language), (value, region) =>
      this.format(value, region),
    );
  }
}
