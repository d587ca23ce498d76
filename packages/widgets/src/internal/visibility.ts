// Many maps on one page: a map starts only when its element comes near the viewport, and gives its WebGL
// context back (map.remove()) when it is far off-screen, so that a long page never holds more contexts
// than the browser keeps (Chromium ~16 per page, silently dropping the oldest beyond that). Two shared
// IntersectionObservers give hysteresis: "near" (start or restore) is a band of one viewport around the
// screen, "far" (release) a band three times wider; between the two a map keeps whatever state it has.
// A page-wide cap covers tall viewports with small maps, where the far band alone could hold too many.
// Maps that want to start queue for one of two start slots, nearest the screen first: a dozen maps
// starting at once share the CPU (and, with software WebGL, the GPU) so that the first is coloured late.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Start (or restore) a map within one viewport of the screen… */
const NEAR_MARGIN = '100%';
/** …and release it beyond three. */
const FAR_VIEWPORTS = 3;
const FAR_MARGIN = `${FAR_VIEWPORTS * 100}%`;
/** Live lazy maps kept per page before the farthest ones that are not near are released. */
export const MAX_LIVE_MAPS = 12;
/** Maps being created and first painted at the same time. */
const MAX_STARTING = 2;
/**
 * A viewport narrower or shorter than this has collapsed (a window or iframe resized to nothing for a
 * moment: screenshot tools do it, so do pages that size their iframes): every map then reads "far away",
 * though the page will be back as it was. Far reports are ignored meanwhile; releasing would give the
 * WebGL context of a map on screen back and leave it blank until it is created and drawn again.
 * Chromium's screenshots (puppeteer's page.screenshot, DevTools) collapse only what the observers see: their
 * report's rootBounds is the 1×1 px viewport grown by the far band (7×7 px) while innerWidth, the scroll and
 * the layout stay as they were, so the report's own root is checked too.
 */
const COLLAPSED_VIEWPORT_PX = 16;

export interface VisibilityHost extends ReactiveControllerHost, HTMLElement {
  /** Off: the map starts at once and is kept while the element is on the page. */
  lazy: boolean;
}

export interface VisibilityCallbacks {
  /** The box to watch once rendered: a page rule such as \`* { all: unset }\` can make the host itself an
   * inline box, which IntersectionObserver does not see as containing the map. */
  target(): Element | undefined;
  /** The element came near the viewport (again). */
  near(): void;
  /** The map should give its WebGL context back. */
  release(): void;
}

const controllers = new WeakMap<Element, VisibilityController>();
/** Controllers whose map currently holds a WebGL context. */
const live = new Set<VisibilityController>();
/** Controllers waiting for a start slot, and those holding one. */
const queued = new Set<VisibilityController>();
const starting = new Set<VisibilityController>();
let observers: { near: IntersectionObserver; far: IntersectionObserver } | undefined;

function sharedObservers(): typeof observers {
  if (typeof IntersectionObserver === 'undefined') return undefined;
  observers ??= {
    near: new IntersectionObserver(
      (entries) => {
        for (const entry of entries) controllers.get(entry.target)?.nearChanged(entry.isIntersecting);
      },
      { rootMargin: NEAR_MARGIN },
    ),
    far: new IntersectionObserver(
      (entries) => {
        for (const entry of entries)
          if (!entry.isIntersecting) controllers.get(entry.target)?.farAway(entry.rootBounds);
      },
      { rootMargin: FAR_MARGIN },
    ),
  };
  return observers;
}

/** Whether a viewport of this size has collapsed (see COLLAPSED_VIEWPORT_PX). */
const collapsed = (width: number, height: number): boolean => Math.min(width, height) < COLLAPSED_VIEWPORT_PX;

/** Distance in pixels between an element and the viewport (0 when they overlap). */
function distanceFromViewport(element: Element): number {
  const rect = element.getBoundingClientRect();
  const dy = rect.bottom < 0 ? -rect.bottom : rect.top > innerHeight ? rect.top - innerHeight : 0;
  const dx = rect.right < 0 ? -rect.right : rect.left > innerWidth ? rect.left - innerWidth : 0;
  return Math.hypot(dx, dy);
}

/** Gives free start slots to the waiting maps that may start, nearest the viewport (then topmost) first. */
function schedule(): void {
  while (starting.size < MAX_STARTING) {
    const next = [...queued]
      .filter((controller) => controller.wanted)
      .map((controller) => {
        const target = controller.target;
        return { controller, distance: distanceFromViewport(target), rect: target.getBoundingClientRect() };
      })
      .sort((a, b) => a.distance - b.distance || a.rect.top - b.rect.top || a.rect.left - b.rect.left)[0];
    if (!next) return;
    queued.delete(next.controller);
    starting.add(next.controller);
    next.controller.grant();
  }
}

export class VisibilityController implements ReactiveController {
  #host: VisibilityHost;
  #callbacks: VisibilityCallbacks;
  /** Unknown until the first observation: treated as not near (a lazy map waits for it). */
  #near = false;
  #waiting: (() => void)[] = [];
  #observed: Element | undefined;

  constructor(host: VisibilityHost, callbacks: VisibilityCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    const shared = sharedObservers();
    if (!shared) {
      // No IntersectionObserver: every map is near.
      this.nearChanged(true);
      return;
    }
    void this.#host.updateComplete.then(() => {
      if (!this.#host.isConnected || this.#observed) return;
      const target = this.#callbacks.target() ?? this.#host;
      this.#observed = target;
      // Measured now rather than at the observer's first report, a frame or more later (longer while the
      // MapLibre chunk is being evaluated): a map on screen at load starts without waiting for it.
      if (distanceFromViewport(target) <= Math.max(innerWidth, innerHeight)) this.nearChanged(true);
      controllers.set(target, this);
      shared.near.observe(target);
      shared.far.observe(target);
    });
  }

  hostDisconnected(): void {
    const target = this.#observed;
    this.#observed = undefined;
    if (target) {
      observers?.near.unobserve(target);
      observers?.far.unobserve(target);
      controllers.delete(target);
    }
    live.delete(this);
    queued.delete(this);
    starting.delete(this);
    this.#near = false;
    // A run waiting to start was aborted with the disconnection; its promise is dropped unresolved.
    this.#waiting = [];
    schedule();
  }

  /** The element watched (the map's box once rendered). */
  get target(): Element {
    return this.#observed ?? this.#host;
  }

  /** Whether the map may hold a WebGL context now. */
  get wanted(): boolean {
    return !this.#host.lazy || this.#near;
  }

  /**
   * Resolves once the map may start: when not lazy or near the viewport, and a start slot is free. The
   * caller gives the slot back with `settled()` once the map is painted (or failed).
   */
  whenWanted(): Promise<void> {
    const granted = new Promise<void>((resolve) => this.#waiting.push(resolve));
    // Already holding a slot (a run replaced by another before its first paint): keep using it.
    if (starting.has(this) && this.wanted) {
      this.grant();
      return granted;
    }
    queued.add(this);
    schedule();
    return granted;
  }

  /** From the scheduler: a start slot is this map's. */
  grant(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  /** The map was painted after starting (or failed): its start slot goes to the next map. */
  settled(): void {
    if (starting.delete(this)) schedule();
  }

  /** `lazy` changed: a map waiting to start may start now. */
  lazyChanged(): void {
    schedule();
  }

  /** The map now holds a WebGL context; releases the farthest others beyond the page-wide cap. */
  started(): void {
    live.add(this);
    const releasable = [...live].filter((other) => other.#host.lazy && !other.#near);
    const excess = [...live].filter((other) => other.#host.lazy).length - MAX_LIVE_MAPS;
    if (excess <= 0) return;
    const farthest = releasable
      .map((other) => ({ other, distance: distanceFromViewport(other.#observed ?? other.#host) }))
      .sort((a, b) => b.distance - a.distance)
      .slice(0, excess);
    for (const { other } of farthest) other.#release();
  }

  /** The map gave its context back (released, failed or removed). */
  stopped(): void {
    live.delete(this);
  }

  /** From the near observer. */
  nearChanged(near: boolean): void {
    const was = this.#near;
    this.#near = near;
    if (near && !was) {
      schedule();
      this.#callbacks.near();
    }
  }

  /** From the far observer: the element is more than three viewports away. `root` is the far band as the
   * observer measured it (null where the page may not know it: a cross-origin iframe). */
  farAway(root: DOMRectReadOnly | null = null): void {
    if (collapsed(innerWidth, innerHeight)) return;
    const band = 1 + 2 * FAR_VIEWPORTS;
    if (root && collapsed(root.width / band, root.height / band)) return;
    this.#near = false;
    if (this.#host.lazy && live.has(this)) this.#release();
  }

  #release(): void {
    live.delete(this);
    this.#callbacks.release();
  }
}
