// One log line per request, written when the response is sent (Fastify's logController): request id,
// method, URL, status and time. Fastify's default is two lines ("incoming request", "request completed");
// at LOG_LEVEL=info in production that doubled the logging cost of a cached hit. The line goes through the
// server's logger with the request id as a field (the same JSON a request's child logger writes), so no
// per-request child logger is made (request-logger.ts). Errors are logged as before.
import { type FastifyBaseLogger, LogController } from 'fastify';

export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(...[error, request, reply, metadata]: Parameters<LogController['requestCompleted']>) {
    if (error) return super.requestCompleted(error, request, reply, metadata);
    const log = request.server.log as FastifyBaseLogger & { isLevelEnabled?(level: string): boolean };
    // Not even the line's fields when it is not written (LOG_LEVEL=warn: every cached hit).
    if (log.isLevelEnabled?.('info') === false) return;
    log.info(
      {
        reqId: request.id,
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    );
  }
}
