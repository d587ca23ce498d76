// The demo page at / (examples/html/index.html and the files beside it) and the widgets' CDN bundle at
// /cdn/* (packages/widgets/dist/cdn), when they are built; a short page saying what to do otherwise.
// /cdn/* is served like a CDN: brotli or gzip copies made once (precompress.ts), content-hashed chunks
// cached for a year as immutable, the unhashed entry (chronos.js) briefly and revalidated by ETag, so a
// new release reaches pages within minutes while its chunks are never fetched twice.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { errorBody } from '../../http-error.ts';
import { DOCUMENT_OPTIONS } from '../../plugins/external/helmet.ts';
import { precompressDir } from './precompress.ts';

export interface SitePluginOptions {
  demoPage: string;
  cdnDir: string;
}

const PLACEHOLDER = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chronos API</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933; }
  code { background: #f0f4f8; padding: 0.1em 0.3em; border-radius: 3px; }
  li { margin: 0.3rem 0; }
</style>
</head>
<body>
<h1>Chronos API</h1>
<p>The API is running. The demo page appears here once <code>examples/html/index.html</code> exists and the
widgets are built (<code>pnpm build</code>).</p>
<ul>
  <li><a href="/docs">API reference (OpenAPI)</a></li>
  <li><a href="/api/health">/api/health</a></li>
  <li><a href="/api/metrics">/api/metrics</a></li>
  <li><a href="/api/geo/choropleth?metric=unemployment&amp;mode=data&amp;geo=us-states,ca-provinces&amp;time=latest">Latest unemployment values</a></li>
  <li><a href="/api/geo/choropleth?mode=boundaries&amp;geo=us-states,ca-provinces&amp;detail=low">Boundaries (low detail GeoJSON)</a></li>
</ul>
</body>
</html>
`;

/** Vite's chunk names (`chunks/[name]-[hash].js`, plus `.br`/`.gz` when a copy is sent): the name changes
 * whenever the content does. */
const CONTENT_HASHED = /-[A-Za-z0-9_-]{8}\.[a-z]+(\.br|\.gz)?$/;
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const ENTRY_CACHE_CONTROL = 'public, max-age=300, must-revalidate';

/** Never serve workspace internals that sit beside the demo page. */
const hidden = (path: string) => /(^|[\\/])(node_modules|package\.json|\.[^\\/]*)([\\/]|$)/.test(path);

const plugin: FastifyPluginAsync<SitePluginOptions> = async (fastify, { demoPage, cdnDir }) => {
  // Only this (encapsulated) part of the app serves HTML: the document security headers (CSP, …) go here.
  await fastify.register(fastifyHelmet, DOCUMENT_OPTIONS);
  if (existsSync(demoPage)) {
    await fastify.register(fastifyStatic, {
      root: dirname(demoPage),
      prefix: '/',
      // One route per file found at start-up, not a catch-all `/*`: a catch-all would answer API paths
      // that no API route matches (e.g. a too-long path parameter) with its own 404 instead of a 400.
      wildcard: false,
      index: [demoPage.split(/[\\/]/).at(-1)!],
      allowedPath: (path) => !hidden(path),
      schemaHide: true,
    });
  } else {
    fastify.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(PLACEHOLDER),
    );
  }
  if (existsSync(cdnDir)) {
    try {
      const written = await precompressDir(cdnDir);
      if (written > 0) fastify.log.info({ cdnDir, written }, 'precompressed the CDN bundle');
    } catch (error) {
      // A read-only bundle directory: serve it uncompressed rather than not at all.
      fastify.log.warn({ err: error, cdnDir }, 'could not precompress the CDN bundle; serving it uncompressed');
    }
    await fastify.register(fastifyStatic, {
      root: cdnDir,
      prefix: '/cdn/',
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', CONTENT_HASHED.test(path) ? IMMUTABLE_CACHE_CONTROL : ENTRY_CACHE_CONTROL);
      },
      schemaHide: true,
    });
  } else {
    fastify.get('/cdn/*', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(404)
        .type('application/json; charset=utf-8')
        .send(errorBody(404, `The widgets CDN bundle is not built (${cdnDir} is missing): run pnpm build.`)),
    );
  }
};

export default plugin;
