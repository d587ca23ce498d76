// Next.js configuration: only security headers (the widgets need no bundler settings, as their README
// says). The Content-Security-Policy depends on the API's origin, read at run time: proxy.ts sets it.
import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const config: NextConfig = {
  poweredByHeader: false,
  // A build of the site against another content source (the Directus tests) goes elsewhere, leaving the
  // cached build in .next (npm start, the flagship tests) alone.
  distDir: process.env.NEXT_DIST_DIR?.trim() || '.next',
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default config;
