// The matched route's pattern (`/api/geo/choropleth`, `*` for the CORS preflight catch-all, '' when no
// route matched), read once per request. Fastify's `request.routeOptions` is a getter that builds a fresh
// 12-field object on every read; the access hook and the /metrics hook each need only the pattern, and on a
// cached hit those reads were a measurable part of the gap to a bare route (bench/README.md). The cached-hit
// fast path sets it from what it remembered, without reading routeOptions at all.
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** null until read; see routeUrl(). */
    matchedRoute: string | null;
  }
}

/** Declares the request property (once per server: keeps every request the same shape). */
export function decorateRouteUrl(fastify: FastifyInstance): void {
  if (!fastify.hasRequestDecorator('matchedRoute')) fastify.decorateRequest('matchedRoute', null);
}

/** The matched route's pattern, '' when none matched (the not-found handler). */
export function routeUrl(request: FastifyRequest): string {
  let url = request.matchedRoute;
  if (url === null) {
    url = request.routeOptions.url ?? '';
    request.matchedRoute = url;
  }
  return url;
}
