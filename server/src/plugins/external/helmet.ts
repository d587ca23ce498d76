// Security headers, with the cross-origin settings an embeddable widget API needs: data and tiles are
// fetched by other sites' pages (Cross-Origin-Resource-Policy: cross-origin, no COEP), and the demo
// page runs MapLibre (blob: workers, data:/blob: images).
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

export default fp(
  async (fastify) => {
    await fastify.register(helmet, {
      global: true,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: { policy: 'same-origin' },
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
          frameAncestors: ['*'],
        },
      },
    });
  },
  { name: 'helmet' },
);
