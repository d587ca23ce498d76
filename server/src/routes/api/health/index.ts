// GET /api/health: "ok", or "degraded" when Redis is unreachable (the API still answers from the
// in-process cache); 503 when the database does not answer. A 503 from load shedding (under-pressure)
// carries the API's error body instead, so both shapes are declared: with only the health body declared,
// a shed health check failed to serialize and answered 500.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ErrorResponse } from '../../../schemas.ts';

const Check = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  store: Type.String(),
  error: Type.Optional(Type.String()),
});

const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  checks: Type.Object({
    database: Check,
    cache: Check,
  }),
  data_versions: Type.Object({ data: Type.Integer(), boundaries: Type.Integer() }),
  version: Type.String(),
});

/** The API's error body inline (without its `$id`: a reference inside a union does not resolve in the
 * served OpenAPI document). */
const { $id: _errorId, ...ShedBody } = ErrorResponse as typeof ErrorResponse & { $id?: string };

const DB_TIMEOUT_MS = 2_000;

const plugin: FastifyPluginAsyncTypebox<{ version: string }> = async (fastify, { version }) => {
  fastify.get(
    '/',
    {
      schema: {
        tags: ['health'],
        summary: 'Service status',
        querystring: Type.Object({ key: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: HealthResponse, 503: Type.Union([HealthResponse, ShedBody]) },
      },
    },
    async (_request, reply) => {
      const database = await Promise.race([
        fastify.db.query('select 1').then(() => ({ status: 'ok' as const, store: fastify.db.kind })),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), DB_TIMEOUT_MS).unref()),
      ]).catch((error: Error) => ({
        status: 'down' as const,
        store: fastify.db.kind,
        error: `Database unavailable: ${error.message}`,
      }));
      const cache = await fastify.responseCache.status();
      const status: 'ok' | 'degraded' | 'down' =
        database.status === 'down' ? 'down' : cache.status === 'degraded' ? 'degraded' : 'ok';
      reply.header('cache-control', 'no-store');
      reply.code(status === 'down' ? 503 : 200);
      return {
        status,
        checks: { database, cache },
        data_versions: fastify.catalog.versions,
        version,
      };
    },
  );
};

export default plugin;
