// The metric catalogue as a list of links grouped by frequency, with units: plain links, so choosing a
// metric works without JavaScript; with it, Next's <Link> navigates without reloading the page.
import type { MetricSummary } from '@chronos/core';
import Link from 'next/link';
import { groupByFrequency, viewQuery } from '../lib/metrics.ts';

export function MetricList({
  metrics,
  current,
  region,
}: {
  metrics: MetricSummary[];
  current: string;
  region: string | undefined;
}) {
  return (
    <nav aria-label="Metrics" className="metric-list">
      {groupByFrequency(metrics).map((group) => (
        <section key={group.label}>
          <h2>{group.label}</h2>
          <ul>
            {group.metrics.map((metric) => (
              <li key={metric.id}>
                <Link
                  href={`/analytics/geospatial${viewQuery({ metric: metric.id, time: 'latest', region })}`}
                  aria-current={metric.id === current ? 'page' : undefined}
                  data-metric={metric.id}
                  scroll={false}
                  prefetch={false}
                >
                  {metric.title}
                </Link>{' '}
                <span className="units">({metric.units})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
