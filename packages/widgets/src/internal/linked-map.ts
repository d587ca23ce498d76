// LinkedMapController: a companion element's link to the `<chronos-choropleth>` its `for` attribute names
// (the slider, the legend, the time series). The map may be written after the companion, upgraded later
// (the CDN script loaded at the end of the page), replaced, or live in the same shadow root as the
// companion; this controller follows all of that so companions only read `controller.map`.
//
// API
//   new LinkedMapController(host, {
//     id: () => host.for,                       // the id to resolve (read on every host update)
//     events: { 'chronos-load': (event, map) => …, 'chronos-time-change': … },  // listened on the map
//     changed: (map, previous) => …,            // optional: after the linked map changed (or went away)
//   })
//   controller.map        the linked element (a defined, upgraded <chronos-choropleth>) or undefined
//   controller.id         the id currently resolved
//   controller.resolve()  re-resolves now (called on hostConnected / hostUpdate; rarely needed by hand)
// The host gets `requestUpdate()` whenever `map` changes. Lookup is by id in the host's root node
// (`getRootNode()`: the document, or the shadow root the companion sits in). While the id is unknown or the
// element is not yet upgraded, a MutationObserver on that root and `customElements.whenDefined` wait for it.
// Listeners are removed when the map changes and when the host disconnects.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChronosChoropleth } from '../components/choropleth/choropleth.ts';

export type LinkedMapListener = (event: Event, map: ChronosChoropleth) => void;

export interface LinkedMapOptions {
  /** The id to look for (usually the host's `for`); empty or undefined links nothing. */
  id: () => string | null | undefined;
  /** Event listeners attached to the linked map, by event name. */
  events?: Record<string, LinkedMapListener>;
  /** Called after the linked map changed (`map` undefined when the link was lost). */
  changed?: (map: ChronosChoropleth | undefined, previous: ChronosChoropleth | undefined) => void;
}

const MAP_TAG = 'chronos-choropleth';

export class LinkedMapController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #options: LinkedMapOptions;
  #map?: ChronosChoropleth;
  #id?: string;
  #observer?: MutationObserver;
  #observedRoot?: Node;
  #connected = false;
  #listeners: [string, EventListener][] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, options: LinkedMapOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The linked `<chronos-choropleth>`, once it exists and is upgraded. */
  get map(): ChronosChoropleth | undefined {
    return this.#map;
  }

  /** The id currently looked for. */
  get id(): string | undefined {
    return this.#id;
  }

  hostConnected(): void {
    this.#connected = true;
    this.resolve();
  }

  hostUpdate(): void {
    if (this.#connected && (this.#options.id() || undefined) !== this.#id) this.resolve();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stopObserving();
    this.#link(undefined);
  }

  /** Looks the id up again and links (or unlinks) the map; keeps watching the root for changes. */
  resolve(): void {
    if (!this.#connected) return;
    this.#id = this.#options.id() || undefined;
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    this.#observe(root);
    const found = this.#id ? (root.getElementById?.(this.#id) ?? null) : null;
    const defined = customElements.get(MAP_TAG);
    if (found?.localName === MAP_TAG && !(defined && found instanceof defined)) {
      // Written before the library registered the tag: link once it is upgraded.
      void customElements.whenDefined(MAP_TAG).then(() => this.resolve());
    }
    this.#link(
      found?.localName === MAP_TAG && defined && found instanceof defined ? (found as ChronosChoropleth) : undefined,
    );
  }

  // The root is watched for the whole connection (not only while waiting): the map can be removed,
  // replaced, or have its id changed at any time.
  #observe(root: Node): void {
    if (this.#observedRoot === root) return;
    this.#stopObserving();
    this.#observedRoot = root;
    this.#observer = new MutationObserver(() => {
      const id = this.#options.id() || undefined;
      const found = id ? ((root as Document).getElementById?.(id) ?? null) : null;
      if (id !== this.#id || found !== (this.#map ?? null)) this.resolve();
    });
    this.#observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
  }

  #stopObserving(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observedRoot = undefined;
  }

  #link(map: ChronosChoropleth | undefined): void {
    if (map === this.#map) return;
    const previous = this.#map;
    if (previous) for (const [name, listener] of this.#listeners) previous.removeEventListener(name, listener);
    this.#listeners = [];
    this.#map = map;
    if (map) {
      for (const [name, listener] of Object.entries(this.#options.events ?? {})) {
        const bound: EventListener = (event) => listener(event, map);
        map.addEventListener(name, bound);
        this.#listeners.push([name, bound]);
      }
    }
    this.#options.changed?.(map, previous);
    this.#host.requestUpdate();
  }
}
