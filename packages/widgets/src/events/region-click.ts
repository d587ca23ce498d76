// `chronos-region-click`: a region was clicked (or selected with the keyboard); it is now selected.
import type { RegionEventDetail } from './region-detail.ts';

export class ChronosRegionClickEvent extends Event {
  static readonly eventName = 'chronos-region-click';
  readonly detail: RegionEventDetail;
  constructor(detail: RegionEventDetail) {
    super(ChronosRegionClickEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chronos-region-click': ChronosRegionClickEvent;
  }
}
