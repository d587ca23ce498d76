// Demo page behaviour (a file, not an inline script, so the server's Content-Security-Policy allows it):
// the copy-paste snippet names this server, and the month slider moves the first map through time.
const snippet = document.querySelector('#snippet');
const copy = document.querySelector('#copy');
const copyStatus = document.querySelector('#copy-status');

// The snippet as it works when pasted into another page: the bundle's absolute URL on this server.
snippet.textContent = snippet.textContent.replace('src="/cdn/chronos.js"', `src="${location.origin}/cdn/chronos.js"`);
copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    copy.textContent = 'Copied';
    copyStatus.textContent = 'Copied. On a page of another site, add api-key="pk_…" (a key bound to that site).';
  } catch (error) {
    // No clipboard (an insecure origin, or permission refused): select the text so Ctrl/Cmd+C copies it.
    getSelection().selectAllChildren(snippet);
    copyStatus.textContent = `Could not copy (${error.message}): the snippet is selected, press Ctrl+C or ⌘C.`;
  }
});

const timeline = document.querySelector('#unemployment');
const month = document.querySelector('#month');
const label = document.querySelector('#month-label');
const log = document.querySelector('#log');
const periods = [];

// The period range comes with the data; the slider then sets the `time` attribute.
timeline.addEventListener('chronos-load', () => {
  const range = timeline.loadedData?.periods;
  if (!range || periods.length > 0) return;
  const [fy, fm] = range.first.split('-').map(Number);
  const [ly, lm] = range.last.split('-').map(Number);
  for (let index = fy * 12 + fm - 1; index <= ly * 12 + lm - 1; index++) {
    periods.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  month.max = String(periods.length - 1);
  month.value = month.max;
  month.disabled = false;
});
month.addEventListener('input', () => {
  timeline.time = periods[Number(month.value)];
});
timeline.addEventListener('chronos-time-change', (event) => {
  label.textContent = event.detail.time.slice(0, 7);
});
for (const map of document.querySelectorAll('chronos-choropleth')) {
  map.addEventListener('chronos-region-click', (event) => {
    const { name, formattedValue } = event.detail;
    log.textContent = `Selected ${name}: ${formattedValue}`;
  });
  map.addEventListener('chronos-error', (event) => {
    log.textContent = event.detail.message;
  });
}
