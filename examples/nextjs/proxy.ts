// Security headers for every page, set per request because the Content-Security-Policy names the API and
// tile origins, which are read from the environment at run time (lib/config.ts). The policy is the npm-build
// policy of @chronos/widgets' README plus what Next.js itself needs.
import { type NextRequest, NextResponse } from 'next/server';
import { siteConfig } from './lib/config.ts';

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

export function proxy(_request: NextRequest): NextResponse {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', contentSecurityPolicy(process.env.NODE_ENV === 'development'));
  return response;
}

export const config = {
  // Documents only: scripts, styles and images need no policy of their own.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
