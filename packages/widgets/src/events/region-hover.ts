// `chronos-region-hover`: the pointer moved onto a region (detail) or off every region (detail null).
import type { RegionEventDetail } from './region-detail.ts';

export class ChronosRegionHoverEvent extends Event {
  static readonly eventName = 'chronos-region-hover';
  readonly detail: RegionEventDetail | null;
  constructor(detail: RegionEventDetail | null) {
    super(ChronosRegionHoverEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chronos-region-hover': ChronosRegionHoverEvent;
  }
}
