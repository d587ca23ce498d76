// Demo page behaviour (a file, not an inline script, so the server's Content-Security-Policy allows it).
const timeline = document.querySelector('#timeline');
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
document.querySelector('#stable').addEventListener('change', (event) => {
  timeline.stableBreaks = event.target.checked;
});
timeline.addEventListener('chronos-time-change', (event) => {
  label.textContent = event.detail.time.slice(0, 7);
});
timeline.addEventListener('chronos-region-click', (event) => {
  const { name, formattedValue } = event.detail;
  log.textContent = `Selected ${name}: ${formattedValue}`;
});
timeline.addEventListener('chronos-error', (event) => {
  log.textContent = event.detail.message;
});

// Values a page already has: no data request, boundaries still shared with the other maps.
const own = document.querySelector('#own');
own.data = {
  'US-WA': 12.5,
  'US-OR': 9.1,
  'US-CA': 31.4,
  'US-NV': 4.2,
  'US-ID': 2.2,
  'US-AK': 1.1,
  'CA-BC': 15.8,
  'CA-AB': 7.7,
  'CA-YT': 0.4,
};
