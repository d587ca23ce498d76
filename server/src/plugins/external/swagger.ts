// OpenAPI generated from the TypeBox schemas that validate each route: JSON at /docs/json, UI at /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { listMetricIds } from '../../openapi-metric-enum.ts';

/**
 * The document in OpenAPI 3.1's own schema dialect (JSON Schema 2020-12). Routes validate with draft-07
 * (Fastify's Ajv), where a tuple is `items: [..]` + `additionalItems`; in 2020-12 `items` must be one schema,
 * so that form made the document invalid and generated clients did not compile. Tuples become
 * `prefixItems` (+ `items: false` when closed); the route schemas themselves are untouched.
 */
export function toOpenApi31Schemas<T>(node: T): T {
  if (Array.isArray(node)) return node.map(toOpenApi31Schemas) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) out[name] = toOpenApi31Schemas(value);
  if (Array.isArray(out.items)) {
    out.prefixItems = out.items;
    if (out.additionalItems === false) out.items = false;
    else delete out.items;
    delete out.additionalItems;
  }
  return out as T;
}

export default fp<{ version: string }>(
  async (fastify, { version }) => {
    await fastify.register(swagger, {
      // The served document: tuples in OpenAPI 3.1 form, and the metric ids listed from the catalogue.
      transformObject: (document) =>
        'openapiObject' in document
          ? listMetricIds(toOpenApi31Schemas(document.openapiObject) as Parameters<typeof listMetricIds>[0])
          : toOpenApi31Schemas(document.swaggerObject),
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
    });
    await fastify.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'swagger' },
);
