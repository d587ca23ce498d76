// Every error is JSON `{"statusCode","error","message"}` and never a stack trace: validation errors name
// the parameter, what was wrong and what is expected; server errors are logged (with the request id)
// and reported to Sentry when configured, and answer with a generic message.
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody, isRefusalCode } from '../../http-error.ts';

declare module 'fastify' {
  interface FastifyInstance {
    reportError: (error: Error, context?: Record<string, unknown>) => void;
  }
}

/** What each query parameter accepts, for 400 messages. */
export const EXPECTED: Record<string, string> = {
  metric: 'a metric id: lowercase letters, digits, "_" or "-", at most 64 characters (see /api/metrics)',
  mode: 'boundaries or data',
  geo: 'comma-separated region sets, e.g. us-states,ca-provinces',
  detail: 'low, medium or high',
  format: 'geojson or topojson',
  time: 'latest, YYYY-MM (monthly metrics), YYYY-Qn (quarterly), YYYY (annual) or YYYY-MM-DD',
  region: 'comma-separated ISO 3166-2 codes, e.g. US-CA,CA-ON',
  from: "a period in the metric's own form: YYYY-MM (monthly), YYYY-Qn (quarterly) or YYYY (annual)",
  to: "a period in the metric's own form: YYYY-MM (monthly), YYYY-Qn (quarterly) or YYYY (annual)",
  key: 'a publishable key, pk_ followed by 32 characters',
  file: 'a tile archive name ending in .pmtiles (letters, digits, ".", "_" or "-")',
};

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function describeValidation(error: FastifyError, input: Record<string, unknown>): string {
  const issue = error.validation?.[0] as ValidationIssue | undefined;
  if (!issue) return error.message;
  const field =
    issue.keyword === 'required'
      ? String(issue.params.missingProperty)
      : issue.instancePath.replace(/^\//, '').split('/')[0] || '';
  const where = error.validationContext === 'params' ? 'path parameter' : 'query parameter';
  const expected = EXPECTED[field] ?? issue.message ?? 'a valid value';
  if (issue.keyword === 'required') return `Missing ${where} "${field}": expected ${expected}.`;
  const raw = input[field];
  const shown =
    typeof raw === 'string'
      ? raw.length > 40
        ? `${JSON.stringify(raw.slice(0, 40))}…`
        : JSON.stringify(raw)
      : 'value';
  if (issue.keyword === 'maxLength') {
    return `${where} "${field}" is too long (${typeof raw === 'string' ? raw.length : '?'} characters, at most ${issue.params.limit}): expected ${expected}.`;
  }
  return `Invalid ${where} "${field}" ${shown}: expected ${expected}.`;
}

/** Longest URL accepted: every parameter has its own limit well below this. */
export const MAX_URL_LENGTH = 4096;

export default fp(
  async (fastify) => {
    // Every response names its request id (as the logs do); an oversized URL stops here.
    fastify.addHook('onRequest', (request, reply, done) => {
      reply.header('x-request-id', request.id);
      if (request.url.length > MAX_URL_LENGTH) {
        const message = `The request URL is too long (${request.url.length} characters, at most ${MAX_URL_LENGTH}).`;
        reply.code(400).type('application/json; charset=utf-8').send(errorBody(400, message));
        return;
      }
      done();
    });
    fastify.setErrorHandler((error: FastifyError, request, reply) => {
      let status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
      let message = error.message;
      if (error.validation) {
        status = 400;
        const input = (error.validationContext === 'params' ? request.params : request.query) as Record<
          string,
          unknown
        >;
        message = describeValidation(error, input ?? {});
      } else if (status === 503) {
        // Unavailable for now (the database down or slow): say when to retry, unless already said.
        if (!reply.hasHeader('retry-after')) {
          reply.header('retry-after', String((error as { retryAfter?: number }).retryAfter ?? 5));
        }
        request.log.warn({ err: error }, 'request answered 503');
      } else if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        fastify.reportError(error, { url: request.url, requestId: request.id });
        message = `Internal Server Error (request id ${request.id})`;
      } else if (status === 404 && error.code === 'FST_ERR_NOT_FOUND') {
        message = 'Not found';
      }
      // A refusal thrown by a plugin (rate limiting) keeps its code for the page to switch on.
      const code = isRefusalCode(error.code) ? error.code : undefined;
      reply
        .code(status)
        .type('application/json; charset=utf-8')
        .send(errorBody(status, message, code));
    });
    fastify.setNotFoundHandler((request, reply) => {
      reply
        .code(404)
        .type('application/json; charset=utf-8')
        .send(
          errorBody(
            404,
            `No route ${request.method} ${request.url.split('?')[0]}. The API: /api/health, /api/metrics, /api/metrics/{metric}, /api/geo/choropleth, /tiles/{name}.pmtiles; docs at /docs.`,
          ),
        );
    });
  },
  { name: 'errors' },
);
