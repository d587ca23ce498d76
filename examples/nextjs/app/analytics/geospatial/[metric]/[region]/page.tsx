// /analytics/geospatial/[metric]/[region] — one page per region and metric, rendered on the server: the
// latest value, its rank, the whole history and the sources, as plain HTML that search engines index.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RegionHistory } from '../../../../../components/region-history.tsx';
import { formatMetricValue, periodLabel, viewQuery } from '../../../../../lib/metrics.ts';
import { regionFacts } from '../../../../../lib/region.ts';

type Params = Promise<{ metric: string; region: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { metric, region } = await params;
  const facts = await regionFacts(metric, region.toUpperCase());
  if (!facts) return { title: 'Not found' };
  const value = facts.latest
    ? `${formatMetricValue(facts.metric, facts.latest.value)} in ${periodLabel(facts.metric, facts.latest.time)}`
    : 'no data yet';
  return {
    title: `${facts.metric.title}: ${facts.series.name}`,
    description: `${facts.metric.title} in ${facts.series.name}: ${value}.`,
  };
}

export default async function RegionPage({ params }: { params: Params }) {
  const { metric, region } = await params;
  const facts = await regionFacts(metric, region.toUpperCase());
  if (!facts) notFound();
  const { latest, rank, series, sources } = facts;
  return (
    <main className="region-page">
      <p>
        <Link
          href={`/analytics/geospatial${viewQuery({ metric: facts.metric.id, time: 'latest', region: series.region })}`}
        >
          ← {facts.metric.title} on the map
        </Link>
      </p>
      <h1>
        {facts.metric.title}: {series.name}
      </h1>
      {latest ? (
        <p className="latest">
          <strong className="latest-value" data-value={latest.value}>
            {formatMetricValue(facts.metric, latest.value)}
          </strong>{' '}
          in {periodLabel(facts.metric, latest.time)}
          {rank ? (
            <>
              {' '}
              · rank <span className="rank">{rank.position}</span> of {rank.of} states and provinces (highest first)
            </>
          ) : null}
        </p>
      ) : (
        <p>No value has been published for {series.name} yet.</p>
      )}
      <p>{facts.metric.description}</p>
      <RegionHistory metric={facts.metric} series={series} />
      <h2>Sources</h2>
      <ul className="sources">
        {sources.map((source) => (
          <li key={source.name}>
            {source.url ? <a href={source.url}>{source.name}</a> : source.name}
            {source.attribution ? ` — ${source.attribution}` : ''}
            {source.licence ? ` (${source.licence})` : ''}
          </li>
        ))}
      </ul>
      {facts.metric.comparability ? <p className="comparability">{facts.metric.comparability}</p> : null}
    </main>
  );
}
