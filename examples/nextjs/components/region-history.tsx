// A region's history as real HTML: a small SVG line (a picture of the trend, hidden from screen readers)
// and the table of values, which is what people without JavaScript and search engines read.
import type { MetricInfo } from '@chronos/core';
import { formatMetricValue, periodLabel } from '../lib/metrics.ts';

export interface RegionSeries {
  region: string;
  name: string;
  points: [string, number | null][];
}

const WIDTH = 360;
const HEIGHT = 120;
const PAD = 6;

function linePath(points: [string, number | null][]): string {
  const values = points.map(([, value]) => value).filter((value): value is number => value !== null);
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const step = (WIDTH - 2 * PAD) / (points.length - 1);
  let path = '';
  let pen = 'M';
  points.forEach(([, value], index) => {
    if (value === null) {
      pen = 'M'; // a gap in the data is a gap in the line
      return;
    }
    const x = PAD + index * step;
    const y = HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
    path += `${pen}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = 'L';
  });
  return path;
}

export function RegionHistory({
  metric,
  series,
  limit,
  highlight,
}: {
  metric: MetricInfo;
  series: RegionSeries;
  /** Show only the latest `limit` periods in the table (the line shows them all). */
  limit?: number;
  /** The period (`YYYY-MM-DD`) shown on the map, marked in the table. */
  highlight?: string | undefined;
}) {
  const rows = [...series.points].reverse().slice(0, limit ?? series.points.length);
  return (
    <figure className="region-history" data-region={series.region}>
      <figcaption>
        {series.name}: {metric.title}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true">
        <path d={linePath(series.points)} fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <table>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" className="number">
              {metric.title}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([time, value]) => (
            <tr key={time} aria-current={time === highlight ? 'true' : undefined}>
              <td>{periodLabel(metric, time)}</td>
              <td className="number">{formatMetricValue(metric, value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
