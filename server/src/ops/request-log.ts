// One log line per request, written when the response is sent (Fastify's logController): method, URL,
// status and time, with the request id the request's logger binds. Fastify's default is two lines
// ("incoming request", "request completed"); at LOG_LEVEL=info in production that doubled the logging
// cost of a cached hit. Errors are logged as before (defaultErrorLog, requestCompleted with an error).
import { LogController } from 'fastify';

export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(...[error, request, reply, metadata]: Parameters<LogController['requestCompleted']>) {
    if (error) return super.requestCompleted(error, request, reply, metadata);
    reply.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    );
  }
}
