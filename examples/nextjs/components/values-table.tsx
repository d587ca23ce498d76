// Every region's value for the period on the map, ranked, as an HTML table linking to each region's page:
// the map's content for readers without JavaScript, screen readers and search engines.
import type { ChoroplethResponse, MetricInfo } from '@chronos/core';
import Link from 'next/link';
import { formatMetricValue, periodLabel } from '../lib/metrics.ts';

export function ValuesTable({ metric, values }: { metric: MetricInfo; values: ChoroplethResponse }) {
  const ranked = [...values.values].sort((a, b) => b.value - a.value);
  return (
    <table className="values-table">
      <caption>
        {metric.title}, {periodLabel(metric, values.time)}, highest first
        {values.missing.length ? ` (no data: ${values.missing.join(', ')})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="number">
            Rank
          </th>
          <th scope="col">Region</th>
          <th scope="col" className="number">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {ranked.map((row, index) => (
          <tr key={row.region} data-region={row.region}>
            <td className="number">{index + 1}</td>
            <td>
              <Link href={`/analytics/geospatial/${metric.id}/${row.region}`} prefetch={false}>
                {row.name}
              </Link>
            </td>
            <td className="number">{formatMetricValue(metric, row.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
