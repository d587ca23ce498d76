'use client';
// "Copy embed code": the CDN snippet that shows the current view (metric, period, selected region) on any
// page. The snippet is in the HTML (a <pre>), so it can be read and copied by hand without JavaScript too.
import { useState } from 'react';

export function EmbedCode({ snippet }: { snippet: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('yes');
    } catch {
      // Clipboard access refused (permissions, insecure origin): the snippet stays selectable below.
      setCopied('failed');
    }
  };
  return (
    <section className="embed-code" aria-labelledby="embed-heading">
      <h2 id="embed-heading">Embed this map</h2>
      <pre>
        <code>{snippet}</code>
      </pre>
      <button type="button" onClick={copy}>
        Copy embed code
      </button>{' '}
      <span role="status">
        {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Copying was refused: select the code above.' : ''}
      </span>
    </section>
  );
}
