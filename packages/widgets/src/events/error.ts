// `chronos-error`: something the element could not do. It is reported here and shown in the element;
// it is never thrown into the page.

export interface ChronosErrorDetail {
  /** What went wrong, in words a page author can act on (the server's message for API errors). */
  message: string;
  /**
   * `api`: the server answered with an error; `network`: it could not be reached; `attribute`: an
   * attribute value was invalid and its default is used; `map`: the map could not be drawn (no WebGL).
   */
  kind: 'api' | 'network' | 'attribute' | 'map';
  /** HTTP status of an `api` error. */
  status?: number;
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
