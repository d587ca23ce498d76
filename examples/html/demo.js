// Demo page behaviour (a file, not an inline script, so the server's Content-Security-Policy allows it):
// the copy-paste snippet names this server, and region clicks and errors are written under the maps.
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

const log = document.querySelector('#log');

for (const map of document.querySelectorAll('chronos-choropleth')) {
  map.addEventListener('chronos-region-click', (event) => {
    const { name, formattedValue } = event.detail;
    log.textContent = `Selected ${name}: ${formattedValue}`;
  });
  map.addEventListener('chronos-error', (event) => {
    log.textContent = event.detail.message;
  });
}
