// The time-slider part of `pnpm bench:widgets`: a map and <chronos-time-slider for> from the CDN bundle,
// playing twelve months at 1 step per second. Frame time is from the slider's step (`change`) to the
// map's `chronos-load` for that period. Ours prefetches 3 periods ahead through the shared request cache;
// the baseline is the same page with `prefetch="0"`, so every frame fetches its period (a fresh page: no
// period was fetched before). The API is reached through the bench server with a round trip of
// PLAY_LATENCY_MS added to each API response, as over the Internet to a CDN-fronted API (locally the API
// answers in a few ms, which would hide what prefetch is for); both pages get the same latency.

/** Round trip added to each API response on the play pages (ms). */
export const PLAY_LATENCY_MS = 100;
/** The path prefix under which the bench server adds that latency before proxying to the API. */
export const SLOW_API_PREFIX = '/slow';

export const PLAY_STEPS = 12;

export function playPage(prefetch: number): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="/cdn/chronos.js"></script></head>
<body style="margin:0"><div style="width:800px">
<chronos-time-slider id="slider" for="map" speed="1" prefetch="${prefetch}"></chronos-time-slider>
<chronos-choropleth id="map" metric="unemployment" basemap="none" lazy="false" api="${SLOW_API_PREFIX}"></chronos-choropleth></div>
<script type="module">
  const map = document.getElementById('map');
  const slider = document.getElementById('slider');
  window.play = () => new Promise((resolve) => {
    map.addEventListener('chronos-load', async () => {
      while (slider.periods.length === 0) await new Promise((r) => setTimeout(r, 20));
      const periods = slider.periods;
      map.time = periods[periods.length - 1 - ${PLAY_STEPS}];
      await new Promise((r) => map.addEventListener('chronos-load', r, { once: true }));
      const frames = [];
      let stepped;
      slider.addEventListener('change', () => { stepped = { period: slider.value, at: performance.now() }; });
      map.addEventListener('chronos-load', (event) => {
        if (!stepped || event.detail.time.slice(0, 7) !== stepped.period) return;
        frames.push(performance.now() - stepped.at);
        if (frames.length === ${PLAY_STEPS}) resolve(frames);
      });
      slider.play();
    }, { once: true });
  });
</script></body></html>`;
}
