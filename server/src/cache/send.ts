// Sends a cached response: the encoding the client accepts (precompressed bytes, no work per request),
// a strong ETag per encoding, 304 on If-None-Match, and the route's Cache-Control.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CachedResponse, etagMatches, negotiateEncoding } from './response-cache.ts';

/** Boundaries change only on import: a day fresh, then revalidated (ETag → 304). */
export const BOUNDARIES_CACHE_CONTROL = 'public, max-age=86400, must-revalidate';
/** Values change on ingestion: a minute fresh, and up to ten minutes stale while revalidating. */
export const DATA_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CachedResponse,
  cacheControl: string,
): FastifyReply {
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  const suffix = encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : '';
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  reply.header('cache-control', cacheControl);
  reply.header('etag', `"${entry.etag}${suffix}"`);
  if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  reply.header('content-type', entry.contentType);
  if (encoding === 'identity') return reply.send(entry.identity);
  reply.header('content-encoding', encoding);
  return reply.send(encoding === 'br' ? entry.br : entry.gzip);
}

/** Every JSON body the API builds. */
export const JSON_TYPE = 'application/json; charset=utf-8';
