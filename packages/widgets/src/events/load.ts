// `chronos-load`: the map's regions are on the canvas with their data's colours: after the first paint, after every
// metric or time change, and after the map is drawn anew (WebGL context restored, or back from a release).

export interface ChronosLoadDetail {
  /** Metric id shown (empty when the page supplied `data` without one). */
  metric: string;
  /** Period shown, `YYYY-MM-DD`, when known. */
  time?: string;
  /** Number of regions that have a value. */
  regionsWithData: number;
  /** Codes of regions drawn as "no data". */
  missing: string[];
}

export class ChronosLoadEvent extends Event {
  static readonly eventName = 'chronos-load';
  readonly detail: ChronosLoadDetail;
  constructor(detail: ChronosLoadDetail) {
    super(ChronosLoadEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chronos-load': ChronosLoadEvent;
  }
}
