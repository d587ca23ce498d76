// Where the keyboard of <chronos-choropleth> goes: each region's anchor point (from its GeoJSON geometry,
// else the centre of what the vector tiles loaded hold) and @chronos/core's nearest-region search. A
// dynamic-import chunk that choropleth-keyboard.ts fetches when the element connects.
import { type Direction, nearestRegion, nextRegion, regionAnchor } from '@chronos/core';
import type { BBox } from '@chronos/core';
import type { RegionGeometry } from '../../internal/geometry-loader.ts';

export { nearestRegion, nextRegion, type Direction };

const anchorCache = new WeakMap<RegionGeometry, Map<string, [number, number]>>();

/**
 * Each region's anchor: from the GeoJSON geometry (cached per geometry), else (vector tiles) the centre of
 * each of `codes`' boxes as the tiles loaded so far hold them.
 */
export function regionAnchors(
  geometry: RegionGeometry | undefined,
  codes: () => readonly string[],
  vectorBBox: (code: string) => BBox | undefined,
): Map<string, [number, number]> {
  if (!geometry) return new Map();
  const cached = anchorCache.get(geometry);
  if (cached) return cached;
  const anchors = new Map<string, [number, number]>();
  for (const [code, feature] of geometry.features) {
    const anchor = regionAnchor(feature.geometry);
    if (anchor) anchors.set(code, anchor);
  }
  if (geometry.features.size > 0) {
    anchorCache.set(geometry, anchors);
    return anchors;
  }
  for (const code of codes()) {
    const box = vectorBBox(code);
    if (box) anchors.set(code, [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);
  }
  return anchors;
}
