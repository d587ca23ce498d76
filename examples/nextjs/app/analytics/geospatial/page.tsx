// /analytics/geospatial?metric=unemployment&time=2025-09&region=US-CA — the flagship page. Everything that
// is text is rendered here, on the server: the metric list, the metric's description, the values of the
// period shown and the selected region's history, so the page reads fully without JavaScript and paints
// before any widget code runs. The map (a client component) loads into its reserved box after the first
// paint (lazy-widgets.tsx), and the time series beside it follows the map's selected region (`for`); the
// history table under it is the same story in text.
import type { Metadata } from 'next';
import Link from 'next/link';
import { MetricList } from '../../../components/metric-list.tsx';
import { RegionHistory } from '../../../components/region-history.tsx';
import { ValuesTable } from '../../../components/values-table.tsx';
import { listMetrics, periodValues, regionSeries } from '../../../lib/api.ts';
import { siteConfig } from '../../../lib/config.ts';
import { embedSnippet } from '../../../lib/embed.ts';
import { frequencyLabel, periodLabel, readView } from '../../../lib/metrics.ts';
import { GEO } from '../../../lib/region.ts';
import { EmbedCode } from './embed-code.tsx';
import { GeospatialMap } from './geospatial-map.tsx';
import { ChronosTimeseries } from './lazy-widgets.tsx';

// Rendered per request: the view is the query string, and the build must not need the API.
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const view = readView(await listMetrics(), await searchParams);
  return { title: `${view.metric.title} by state and province`, description: view.metric.description };
}

export default async function GeospatialPage({ searchParams }: { searchParams: SearchParams }) {
  const metrics = await listMetrics();
  const view = readView(metrics, await searchParams);
  const { metric, time, region } = view;
  const { apiUrl, apiKey, tilesUrl, cdnScriptUrl } = siteConfig();
  const [values, history] = await Promise.all([
    periodValues(metric.id, GEO, time),
    region ? regionSeries(metric.id, [region]).then((answer) => answer.series[0]) : undefined,
  ]);
  return (
    <main className="geospatial">
      <div className="geospatial-sidebar">
        <MetricList metrics={metrics} current={metric.id} region={region} />
      </div>
      <div className="geospatial-main">
        <h1>{metric.title}</h1>
        <p className="metric-facts">
          {frequencyLabel(metric)} · {metric.units} · {metric.seasonal_adjustment} · shown:{' '}
          <strong data-period={values.time}>{periodLabel(metric, values.time)}</strong>
        </p>
        {view.problem ? (
          <p role="alert" className="problem">
            {view.problem}
          </p>
        ) : null}
        <p className="metric-description">{metric.description}</p>
        <div className="map-and-history">
          <GeospatialMap
            view={{ metric: metric.id, time, region }}
            api={apiUrl}
            apiKey={apiKey}
            basemap={`${tilesUrl}/basemap.pmtiles`}
          />
          <aside className="history" aria-live="polite" aria-label="Selected region">
            <div className="series-frame">
              <ChronosTimeseries for="geospatial-map" region={region} api={apiUrl} apiKey={apiKey} />
            </div>
            {history ? (
              <>
                <RegionHistory metric={metric} series={history} limit={12} highlight={values.time} />
                <p>
                  <Link href={`/analytics/geospatial/${metric.id}/${history.region}`}>
                    {history.name}: full history, rank and sources
                  </Link>
                </p>
              </>
            ) : (
              <p className="hint">Click a state or province on the map to see its history.</p>
            )}
          </aside>
        </div>
        <EmbedCode snippet={embedSnippet({ cdn: cdnScriptUrl, api: apiUrl, metric: metric.id, time, region })} />
        <ValuesTable metric={metric} values={values} />
        {metric.comparability ? <p className="comparability">{metric.comparability}</p> : null}
      </div>
    </main>
  );
}
