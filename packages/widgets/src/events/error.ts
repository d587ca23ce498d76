// `chronos-error`: something the element could not do. It is reported here and shown in the element;
// it is never thrown into the page. `kind` says what a page can do about it (switch on it), `code` is the
// server's refusal code when there is one.
import type { ApiRefusalCode } from '@chronos/core';

/**
 * What failed, for a page to switch on:
 * - `access`: the server refused this page or key (`code`: `key_required`, `unknown_key`, `malformed_key`,
 *   `key_revoked`, `origin_not_allowed`). Retrying cannot help: the site owner must fix the key or its origins.
 * - `rate-limit`: too many requests (`code` `rate_limited`); the element retries by itself after `retryAfter` s.
 * - `api`: another error answer from the server (`status`: 404 for an unknown metric, 5xx…).
 * - `network`: the server could not be reached.
 * - `map`: the map cannot be drawn: no WebGL, MapLibre's worker blocked (Content-Security-Policy) or missing,
 *   or the region tiles failing. The element shows the error with a Retry button.
 * - `context-lost`: the browser took the map's WebGL context away; the legend and the data table stay, and the
 *   map redraws by itself when the context is restored (`chronos-load` fires again).
 * - `basemap`: the basemap could not be loaded; the regions are drawn without it and a notice says so.
 * - `attribute`: an attribute value was invalid and its default is used.
 */
export type ChronosErrorKind =
  | 'access'
  | 'rate-limit'
  | 'api'
  | 'network'
  | 'map'
  | 'context-lost'
  | 'basemap'
  | 'attribute';

export interface ChronosErrorDetail {
  /** What went wrong, in words a site owner can act on (the server's message for API errors). */
  message: string;
  /** What failed (see ChronosErrorKind). */
  kind: ChronosErrorKind;
  /** HTTP status of an `access`, `rate-limit` or `api` error. */
  status?: number;
  /** The server's refusal code (`origin_not_allowed`, `rate_limited`, …) when it sent one. */
  code?: ApiRefusalCode;
  /** Seconds until the element retries by itself (`rate-limit`). */
  retryAfter?: number;
  /** The attribute concerned by an `attribute` error. */
  attribute?: string;
}

export class ChronosErrorEvent extends Event {
  static readonly eventName = 'chronos-error';
  readonly detail: ChronosErrorDetail;
  constructor(detail: ChronosErrorDetail) {
    super(ChronosErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chronos-error': ChronosErrorEvent;
  }
}
