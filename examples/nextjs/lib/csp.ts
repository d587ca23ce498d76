// The Content-Security-Policy of every page: the npm-build policy of @chronos/widgets' README plus what
// Next.js itself needs, naming the API and tile origins read from the environment at request time
// (lib/config.ts). proxy.ts sets it per request.
import { siteConfig } from './config.ts';

export function contentSecurityPolicy(development: boolean): string {
  const { apiUrl, tilesUrl } = siteConfig();
  const dataOrigins = [...new Set([new URL(apiUrl).origin, new URL(tilesUrl).origin])].join(' ');
  return [
    "default-src 'self'",
    // Next's App Router streams its payload through inline scripts; per-request nonces would make every
    // page dynamic (the marketing pages are static), so inline scripts are allowed. Dev mode evaluates code.
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
    // MapLibre's worker is emitted with the app's assets (worker-src 'self'); blob: is the route MapLibre
    // takes when the assets come from another origin.
    "worker-src 'self' blob:",
    `connect-src 'self' ${dataOrigins}${development ? ' ws:' : ''}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
