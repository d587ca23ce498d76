// The box a map first opens on. Fitting every region shown puts Hawaii, Puerto Rico, the Aleutians and
// the Arctic archipelago in view, and Web Mercator inflates the far north several times over, so the
// contiguous US (where most regions are) ends up a thin band. The first view fits the main regions instead; every
// region stays reachable by panning, and zoomTo(code) fits any region.
import { type BBox, bboxOf, type GeometryLike } from '@chronos/core';

/** Far from the other states: left out of the first view when any other region is shown. */
const OUTLYING = new Set(['US-AK', 'US-HI', 'US-PR', 'US-VI', 'US-GU', 'US-AS', 'US-MP']);
/** Canada's territories: left out of the first view when US states are shown beside them. */
const NORTHERN = new Set(['CA-YT', 'CA-NT', 'CA-NU']);
/** Never open north of this: above it lie Arctic islands that Mercator would let take half the height. */
const MAX_NORTH = 72;

/** A region as GeoJSON or a vector tile gives it: its code (property or id) and its shape. */
type Feature = { id?: unknown; properties?: { code?: unknown } | null; geometry: GeometryLike };

const codeOf = (feature: Feature): string => String(feature.properties?.code ?? feature.id ?? '');

export function initialView(features: readonly Feature[]): BBox | undefined {
  let main = features.filter((feature) => !OUTLYING.has(codeOf(feature)));
  if (main.length === 0) main = [...features];
  if (main.some((feature) => codeOf(feature).startsWith('US-'))) {
    const southern = main.filter((feature) => !NORTHERN.has(codeOf(feature)));
    if (southern.length > 0) main = southern;
  }
  const box = bboxOf(main.map((feature) => feature.geometry));
  if (!box) return undefined;
  const [west, south, east, north] = box;
  return [west, south, east, Math.max(south, Math.min(north, MAX_NORTH))];
}
