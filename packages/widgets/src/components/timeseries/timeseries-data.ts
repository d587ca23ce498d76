// What <chronos-timeseries> draws, derived from an API series body: one shared time axis, a line per
// region with its preliminary / revised points, and the words for periods and values in the page's language.
import {
  type Frequency,
  formatPeriod,
  formatValue,
  type Messages,
  PERIODS_PER_YEAR,
  type SeriesResponse,
} from '@chronos/core';
import type { ChartLine } from '../../internal/line-chart.ts';

export interface SeriesView {
  title: string;
  frequency: Frequency;
  /** The periods of the time axis, `YYYY-MM-DD`. */
  dates: string[];
  lines: (ChartLine & { region: string; name: string })[];
}

/** The body as the chart reads it; regions keep the order the page asked for, named in `locale`'s language. */
export function seriesView(body: SeriesResponse, order: readonly string[], locale: string): SeriesView {
  const french = locale.toLowerCase().startsWith('fr');
  const rank = (code: string) => {
    const at = order.indexOf(code);
    return at === -1 ? order.length : at;
  };
  const series = [...body.series].sort((a, b) => rank(a.region) - rank(b.region));
  const dates = series[0]?.points.map(([date]) => date) ?? [];
  return {
    title: body.metric.title,
    frequency: body.metric.frequency,
    dates,
    lines: series.map((entry) => {
      const marks = new Map<number, string>();
      entry.points.forEach(([date], index) => {
        const status = entry.status?.[date];
        if (status) marks.set(index, status);
      });
      const name = french && entry.name_fr ? entry.name_fr : entry.name;
      return { region: entry.region, name, values: entry.points.map(([, value]) => value), marks };
    }),
  };
}

/** The chart's words: values in the metric's units, periods by its frequency, in `locale`. */
export class SeriesText {
  readonly locale: string;
  readonly messages: Messages;
  readonly metric: SeriesResponse['metric'] | undefined;

  constructor(locale: string, messages: Messages, metric: SeriesResponse['metric'] | undefined) {
    this.locale = locale;
    this.messages = messages;
    this.metric = metric;
  }

  value(value: number | null): string {
    return formatValue(value, {
      locale: this.locale,
      ...(this.metric?.units ? { units: this.metric.units } : {}),
      ...(this.metric?.number_format ? { numberFormat: this.metric.number_format } : {}),
    });
  }

  /** A period in full (`September 2025`, `septembre 2025`). */
  period(date: string, frequency: Frequency): string {
    return formatPeriod(date, frequency, this.locale);
  }

  /** An axis label: the year alone when labels are a year or more apart, else a short period. */
  tick(date: string, frequency: Frequency, step: number): string {
    if (step % PERIODS_PER_YEAR[frequency] === 0) return formatPeriod(date, 'annual', this.locale);
    return formatPeriod(date, frequency, this.locale, { short: true });
  }

  /** `5.2% (preliminary)` */
  point(value: number | null, status: string | undefined): string {
    const flag = status === 'preliminary' || status === 'revised' ? this.messages.timeseries[status] : undefined;
    return flag ? `${this.value(value)} (${flag})` : this.value(value);
  }
}
