// Plain Node, no bundler: every entry point of the packages named as arguments (all of them by default)
// imports, as server-side rendering does, and @chronos/react renders its tag to HTML. Prints one JSON line
// for the test to check.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const packages = process.argv.slice(2);
const entries = [
  '@chronos/core',
  '@chronos/tiles',
  '@chronos/widgets',
  '@chronos/widgets/classes',
  '@chronos/widgets/chronos-choropleth.js',
  '@chronos/widgets/chronos-legend.js',
  '@chronos/widgets/chronos-time-slider.js',
  '@chronos/react',
].filter((entry) => packages.length === 0 || packages.some((name) => entry === name || entry.startsWith(`${name}/`)));
const exports = {};
for (const entry of entries) exports[entry] = Object.keys(await import(entry)).sort();
const { ChronosChoropleth } = await import('@chronos/react');
const html = renderToString(createElement(ChronosChoropleth, { metric: 'median-income', className: 'map' }));
process.stdout.write(`${JSON.stringify({ exports, html })}\n`);
