// Security headers, with the cross-origin settings an embeddable widget API needs: data and tiles are
// fetched by other sites' pages (Cross-Origin-Resource-Policy: cross-origin, no COEP). Document-only
// headers (CSP, frame options, …) go on HTML responses only: helmet rebuilds the CSP per request and
// the rest are bytes every API response would carry for nothing.
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/** The demo page runs MapLibre: blob: workers, data:/blob: images, tiles and data from this server. */
const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' https:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Sent with HTML responses (the demo page, the placeholder; see routes/site) in addition to the global set. */
export const DOCUMENT_HEADERS: Record<string, string> = {
  'content-security-policy': DEMO_PAGE_CSP,
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-dns-prefetch-control': 'off',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
};

export default fp(
  async (fastify) => {
    await fastify.register(helmet, {
      global: true,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      // Headers that only mean something for documents are sent with HTML (DOCUMENT_HEADERS), not with
      // every JSON/tile response: on the cached path headers are a large share of the bytes.
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
    });
  },
  { name: 'helmet' },
);
