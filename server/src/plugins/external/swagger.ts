// OpenAPI generated from the TypeBox schemas that validate each route: JSON at /docs/json, UI at /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { listMetricIds } from '../../openapi-metric-enum.ts';

export default fp<{ version: string }>(
  async (fastify, { version }) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Chronos API',
          description:
            'Boundaries and time-series values for choropleth maps of US states and Canadian provinces. Regions are keyed by ISO 3166-2 code. Browser requests from other origins need a publishable key (`key=pk_…`).',
          version,
        },
        tags: [
          { name: 'health', description: 'Service status' },
          { name: 'metrics', description: 'Metric catalog and time series' },
          { name: 'geo', description: 'Choropleth boundaries and values' },
          { name: 'tiles', description: 'PMTiles archives (HTTP Range)' },
        ],
      },
      transformObject: (document) =>
        'openapiObject' in document
          ? listMetricIds(document.openapiObject as Parameters<typeof listMetricIds>[0])
          : document.swaggerObject,
    });
    await fastify.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'swagger' },
);
