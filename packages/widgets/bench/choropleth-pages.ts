// The choropleth pages of `pnpm bench:widgets`, served by its bench server: the CDN bundle's
// <chronos-choropleth> (ours), the seed's flow written with plain MapLibre (baseline), and a dashboard grid
// of `count` maps. Each page exposes promises and functions that the bench reads with page.evaluate:
// `firstPaint` and `switchTo(metric, time)` (ours, baseline), `firstColoured` and `allInView` (many).

/** Width of the maps' column (px), the same on every page. */
const WIDTH = 800;
export const oursPage = `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="/cdn/chronos.js"></script></head>
<body style="margin:0"><div style="width:${WIDTH}px">
<chronos-choropleth id="map" metric="unemployment" basemap="none"></chronos-choropleth></div>
<script type="module">
  const element = document.getElementById('map');
  window.firstPaint = new Promise((resolve) =>
    element.addEventListener('chronos-load', () => resolve(performance.now()), { once: true }));
  window.switchTo = (metric, time) => new Promise((resolve) => {
    const start = performance.now();
    element.addEventListener('chronos-load', () => resolve(performance.now() - start), { once: true });
    element.metric = metric;
    element.time = time;
  });
</script></body></html>`;

// The seed's flow, written the way a careful developer would with plain MapLibre: both requests in
// parallel with map start-up, values merged into feature properties, the source re-set on every change.
export const baselinePage = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/vendor/maplibre-gl/maplibre-gl.css"></head>
<body style="margin:0"><div id="map" style="width:${WIDTH}px;height:440px"></div>
<script type="module">
  import * as maplibregl from '/vendor/maplibre-gl/maplibre-gl.mjs';
  const geo = 'us-states,ca-provinces';
  const colors = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
  const boundariesUrl = '/api/geo/choropleth?mode=boundaries&geo=' + geo + '&detail=medium&format=geojson';
  const dataUrl = (metric, time) => '/api/geo/choropleth?metric=' + metric + '&mode=data&geo=' + geo + '&time=' + time;
  const getJson = (url) => fetch(url).then((response) => response.json());
  function quantiles(values) {
    const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
    return [1, 2, 3, 4].map((i) => sorted[Math.floor((i * sorted.length) / 5)]);
  }
  function merge(geojson, data) {
    const byCode = new Map(data.values.map((v) => [v.region, v.value]));
    for (const feature of geojson.features) feature.properties.value = byCode.get(feature.properties.code) ?? null;
  }
  function fillColor(data) {
    const breaks = quantiles(data.values.map((v) => v.value));
    const steps = [colors[0]];
    breaks.forEach((b, i) => steps.push(b, colors[i + 1]));
    return ['case', ['==', ['get', 'value'], null], '#d9d9d9', ['step', ['get', 'value'], ...steps]];
  }
  const idle = (map) => new Promise((resolve) => map.once('idle', resolve));
  const map = new maplibregl.Map({
    container: 'map',
    style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef2f5' } }] },
    center: [-100, 50], zoom: 1.5, fadeDuration: 0,
  });
  const loaded = new Promise((resolve) => map.once('load', resolve));
  window.firstPaint = (async () => {
    const [geojson, data] = await Promise.all([getJson(boundariesUrl), getJson(dataUrl('unemployment', 'latest')), loaded]);
    merge(geojson, data);
    map.addSource('regions', { type: 'geojson', data: geojson });
    map.addLayer({ id: 'fill', type: 'fill', source: 'regions', paint: { 'fill-color': fillColor(data) } });
    map.addLayer({ id: 'line', type: 'line', source: 'regions', paint: { 'line-color': '#fff', 'line-width': 0.6 } });
    map.fitBounds([[-179, 18], [-52, 83]], { padding: 12, animate: false });
    window.geojson = geojson;
    await idle(map);
    return performance.now();
  })();
  window.switchTo = async (metric, time) => {
    const start = performance.now();
    const data = await getJson(dataUrl(metric, time));
    merge(window.geojson, data);
    map.setPaintProperty('fill', 'fill-color', fillColor(data));
    map.getSource('regions').setData(window.geojson);
    await idle(map);
    return performance.now() - start;
  };
</script></body></html>`;

// Maps in a two-column grid, as on a dashboard: 12 maps are three viewports tall at 1000×700.
export const manyPage = (count: number): string => `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="/cdn/chronos.js"></script>
<style>body{margin:0} .grid{display:grid;grid-template-columns:1fr 1fr;gap:16px;width:${WIDTH}px}
chronos-choropleth{--chronos-height:300px}</style></head>
<body><div class="grid">${'<chronos-choropleth metric="unemployment" basemap="none"></chronos-choropleth>'.repeat(count)}</div>
<script type="module">
  const elements = [...document.querySelectorAll('chronos-choropleth')];
  const painted = new Set();
  const inView = (element) => { const r = element.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
  window.firstColoured = new Promise((resolve) => {
    for (const element of elements) element.addEventListener('chronos-load', () => resolve(performance.now()), { once: true });
  });
  window.allInView = new Promise((resolve) => {
    for (const element of elements) element.addEventListener('chronos-load', () => {
      painted.add(element);
      if (elements.filter(inView).every((e) => painted.has(e))) resolve(performance.now());
    }, { once: true });
  });
</script></body></html>`;
