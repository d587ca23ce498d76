// Next.js configuration: only security headers. The widgets need no bundler settings (their README); the
// Content-Security-Policy is the npm-build policy from @chronos/widgets' README plus what Next itself needs.
import type { NextConfig } from 'next';
import { apiUrl, tilesUrl } from './lib/config.ts';

const development = process.env.NODE_ENV === 'development';

/** The origin part of a URL (a CSP source may not carry a path for connect-src matching of sub-paths). */
const originOf = (url: string) => new URL(url).origin;

const contentSecurityPolicy = [
  "default-src 'self'",
  // Next's App Router streams its payload through inline scripts; without per-request nonces (which would
  // make every page dynamic) they need 'unsafe-inline'. Dev mode's fast refresh evaluates code.
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
  // MapLibre's worker is emitted with the app's assets (worker-src 'self'); blob: for the route MapLibre
  // takes when assets are served from another origin.
  "worker-src 'self' blob:",
  `connect-src 'self' ${[...new Set([originOf(apiUrl), originOf(tilesUrl)])].join(' ')}${development ? ' ws:' : ''}`,
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const config: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default config;
