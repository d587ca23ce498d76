// Security headers, with the cross-origin settings an embeddable widget API needs: data and tiles are
// fetched by other sites' pages (Cross-Origin-Resource-Policy: cross-origin, no COEP).
//
// helmet decides the headers; it just does not run per API request. @fastify/helmet builds a helmet
// middleware on every request, the largest single cost on the cached path in bench:api, so the API's
// header set is computed once from helmet with API_OPTIONS and set in one hook. HTML (routes/site)
// registers @fastify/helmet itself with DOCUMENT_OPTIONS (CSP, frame options, …), which only documents need.
import type { FastifyHelmetOptions } from '@fastify/helmet';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** JSON and tiles: only what applies to a non-document response. */
export const API_OPTIONS: HelmetOptions = {
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  contentSecurityPolicy: false,
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/** The demo page runs MapLibre: blob: workers, data:/blob: images, tiles and data from this server. */
export const DOCUMENT_OPTIONS: FastifyHelmetOptions = {
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginEmbedderPolicy: false,
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'", 'https:'],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
    },
  },
};

/** The headers helmet sets for `options`, captured once. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, response as never, () => {});
  return headers;
}

/** The API's security headers (also set by the cached-hit fast path, plugins/app/cached-hits.ts). */
export const API_HEADERS: Readonly<Record<string, string>> = helmetHeaders(API_OPTIONS);

export default fp(
  async (fastify) => {
    const headers = API_HEADERS;
    fastify.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'helmet' },
);
