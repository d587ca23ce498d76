// `chronos-time-change`: the period shown changed (new `time`, or `latest` resolved to a new period).

export interface ChronosTimeChangeDetail {
  /** Period now shown, `YYYY-MM-DD`. */
  time: string;
  /** Period shown before, or null on the first load. */
  previous: string | null;
}

export class ChronosTimeChangeEvent extends Event {
  static readonly eventName = 'chronos-time-change';
  readonly detail: ChronosTimeChangeDetail;
  constructor(detail: ChronosTimeChangeDetail) {
    super(ChronosTimeChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chronos-time-change': ChronosTimeChangeEvent;
  }
}
