// What <chronos-choropleth> says when something fails: a failure turned into the `chronos-error` detail
// (a `kind` a page can switch on, the server's refusal `code`), the headline shown for it (meant for the
// site owner who pasted the tag: which key, which origin, when the element retries) and whether a Retry
// button can help. Refusals of the key or the origin cannot be retried away; the rest can.
import { ChronosApiError, loadedMessages, type Messages } from '@chronos/core';

const english = loadedMessages('en')!;
import type { ChronosErrorDetail } from '../../events/error.ts';

/** Used when a 429 names no Retry-After. */
const DEFAULT_RATE_LIMIT_WAIT_S = 10;

/** A failure of a load run as the `chronos-error` detail. */
export function describeFailure(error: unknown, api: string, messages: Messages = english): ChronosErrorDetail {
  if (error instanceof ChronosApiError && error.status > 0) {
    const code = error.code ? { code: error.code } : {};
    if (error.status === 429 || error.code === 'rate_limited') {
      const retryAfter = error.retryAfter ?? DEFAULT_RATE_LIMIT_WAIT_S;
      return { kind: 'rate-limit', status: error.status, code: 'rate_limited', retryAfter, message: error.message };
    }
    const refused = error.code !== undefined || error.status === 401;
    return { kind: refused ? 'access' : 'api', status: error.status, ...code, message: error.message };
  }
  const kind = (error as { kind?: string }).kind;
  if (kind === 'map') return { kind: 'map', message: (error as Error).message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'network', message: messages.errors.network(api, message) };
}

/** False where retrying cannot help: the key or the page's origin was refused. */
export function canRetry(detail: ChronosErrorDetail): boolean {
  return detail.kind !== 'access';
}

/** The first line of the error panel; `retryIn` is the live countdown of a rate limit, in seconds. */
export function headline(
  detail: ChronosErrorDetail,
  retryIn: number | undefined,
  messages: Messages = english,
): string | undefined {
  const text = messages.errors;
  const origin = globalThis.location?.origin ?? text.thisPage;
  switch (detail.code) {
    case 'origin_not_allowed':
      return text.originNotAllowed(origin);
    case 'unknown_key':
      return text.unknownKey;
    case 'malformed_key':
      return text.malformedKey;
    case 'key_revoked':
      return text.keyRevoked;
    case 'key_required':
      return text.keyRequired(origin);
    case 'rate_limited':
      return retryIn !== undefined && retryIn > 0 ? text.rateLimitedIn(retryIn) : text.rateLimited;
    default:
      return undefined;
  }
}

/** A map that could not be created, as the error its load run fails with (`kind: 'map'`). */
export function mapFailure(error: unknown, messages: Messages = english): Error {
  const reason = (error as Error).message;
  // No WebGL is the browser's; a worker that cannot load is the page's or the build's.
  const message = /webgl/i.test(reason) ? messages.errors.noWebGL(reason) : messages.errors.cannotDraw(reason);
  return Object.assign(new Error(message), { kind: 'map' });
}
