// The ways a MapLibre map fails without rejecting anything, turned into calls a controller can act on:
// an `error` event from the region source (tiles failing), from the basemap, or from the worker pool
// ("Worker failed to load"), and a Content-Security-Policy that blocks MapLibre's worker, which shows only
// as a `securitypolicyviolation` on the document (a worker blocked that way never answers, and the map
// would wait for ever with a blank canvas). MapLibre starts its workers when its chunk loads, before any
// map exists, so violations are recorded page-wide from then on (watchWorkerViolations) and a map created
// later still learns of them.
import type { Messages } from '@chronos/core';
import type { ErrorEvent as MapErrorEvent, Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_SOURCE, SOURCE } from './map-layers.ts';

export interface MapFailureHandlers {
  /** The map cannot draw the regions (region tiles failing, worker not loaded or blocked). */
  fatal(message: string): void;
  /** The basemap failed; the regions draw without it. `reason` is MapLibre's, '' when it gave none. */
  basemap(reason: string): void;
  /** The words of the map's language, for the fatal messages. */
  messages(): Messages;
}

/** Directives a worker start is checked against (worker-src falls back to child-src, then script-src). */
const WORKER_DIRECTIVES = new Set(['worker-src', 'child-src', 'script-src', 'script-src-elem']);

function blocksWorker(event: SecurityPolicyViolationEvent): boolean {
  if (!WORKER_DIRECTIVES.has(event.effectiveDirective)) return false;
  // MapLibre starts a cross-origin worker from a blob: URL that imports the worker file.
  return (
    event.effectiveDirective === 'worker-src' ||
    event.effectiveDirective === 'child-src' ||
    event.blockedURI === 'blob' ||
    event.blockedURI.startsWith('blob:') ||
    event.blockedURI.includes('maplibre-gl-worker')
  );
}

/**
 * A worker refused by the policy also fails with MapLibre's "Worker failed to load", often before the
 * violation event arrives: that error waits this long for the violation, whose message names the cause.
 */
const VIOLATION_GRACE_MS = 300;

/** The first worker-blocking violation seen on the page, and who wants to hear of the next. */
interface Violation {
  directive: string;
  blocked: string;
}
let workerViolation: Violation | undefined;
const violationListeners = new Set<(violation: Violation) => void>();

/** Starts recording worker-blocking violations for the page (once; call before MapLibre's chunk loads). */
export function watchWorkerViolations(): void {
  if (typeof document === 'undefined' || watching) return;
  watching = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    if (!blocksWorker(event)) return;
    workerViolation ??= { directive: event.effectiveDirective, blocked: event.blockedURI };
    for (const listener of violationListeners) listener(workerViolation);
  });
}
let watching = false;

/** Watches `map` until the returned function is called; reports at most one fatal failure. */
export function watchMapFailures(map: MapLibreMap, handlers: MapFailureHandlers): () => void {
  let reported = false;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const fatal = (message: string) => {
    clearTimeout(pending);
    if (reported) return;
    reported = true;
    handlers.fatal(message);
  };
  const blocked = (violation: Violation) =>
    fatal(handlers.messages().mapFailures.workerBlocked(violation.directive, violation.blocked));
  const onError = (event: MapErrorEvent) => {
    const message = event.error?.message ?? '';
    const sourceId = (event as { sourceId?: string }).sourceId;
    const words = handlers.messages().mapFailures;
    if (sourceId === SOURCE) fatal(words.regions(message || words.unknownReason));
    else if (sourceId === BASEMAP_SOURCE) handlers.basemap(message);
    else if (/worker/i.test(message) && pending === undefined) {
      // A worker that was started but whose module import was refused reports its violation inside the
      // worker, not here: name the policy as a likely cause.
      pending = setTimeout(() => fatal(words.worker), VIOLATION_GRACE_MS);
    }
  };
  map.on('error', onError);
  violationListeners.add(blocked);
  // Blocked before this map existed (the workers start with MapLibre's chunk): the map cannot draw either.
  if (workerViolation) queueMicrotask(() => blocked(workerViolation!));
  return () => {
    clearTimeout(pending);
    map.off('error', onError);
    violationListeners.delete(blocked);
  };
}
