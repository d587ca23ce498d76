// The regions' MapLibre style: source and layer specifications, paint expressions driven by
// feature-state (colour, hover, selected, no data) and the no-data hatch — pure data, no map needed — and
// the one question asked of the drawn source (a region's box from the vector tiles loaded).
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { type BBox, bboxOf, type FeatureCollection } from '@chronos/core';

/** Regions to draw: a GeoJSON collection (fetched once per page) or a vector-tile archive. */
export type RegionSource =
  | { kind: 'geojson'; key: string; data: FeatureCollection }
  | { kind: 'vector'; key: string; url: string; sourceLayer: string };

/** Colours the map itself needs (the rest of the theme is CSS). */
export interface MapTheme {
  name: 'light' | 'dark';
  background: string;
  noData: string;
  noDataStripe: string;
  outline: string;
  hoverOutline: string;
  selectedOutline: string;
  /** The keyboard focus outline, and the halo under it that keeps it visible on any class colour. */
  focus: string;
  focusHalo: string;
}

export const SOURCE = 'chronos-regions';
export const BASEMAP_SOURCE = 'chronos-basemap';
export const FILL = 'chronos-regions-fill';
export const NO_DATA = 'chronos-regions-no-data';
export const LINE = 'chronos-regions-line';
export const PATTERN = 'chronos-no-data';
export const FOCUS_HALO = 'chronos-regions-focus-halo';
export const FOCUS = 'chronos-regions-focus';
/** Widths of the keyboard focus outline and of the halo under it (px). */
export const FOCUS_WIDTH = 3;
export const FOCUS_HALO_WIDTH = 7;
/** Every layer of the regions, bottom to top. */
export const REGION_LAYERS = [FILL, NO_DATA, LINE, FOCUS_HALO, FOCUS];

/** A diagonal hatch, drawn once per theme: stripes on transparent, over the no-data fill colour. */
export function hatch(stripe: string, size = 8): { width: number; height: number; data: Uint8Array } {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(stripe.slice(i, i + 2), 16)) as [number, number, number];
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + y) % size > 1) continue;
      const offset = (y * size + x) * 4;
      data.set([r, g, b, 255], offset);
    }
  }
  return { width: size, height: size, data };
}

/**
 * Around each tile MapLibre's worker keeps `buffer` px (of 512) of the neighbouring regions. Its default, 128, is
 * room for labels and icons, which the regions do not have; their widest line (the 7 px focus halo) needs a few px.
 * At the first view's zoom the US is cut in two tiles at 90° W, and with 128 each tile also tiled the 22.5° of
 * states on the far side of the cut: most of the contiguous US was tiled twice before the first paint.
 */
const TILE_BUFFER = 32;

export function sourceSpec(regions: RegionSource): GeoJSONSourceSpecification | VectorSourceSpecification {
  return regions.kind === 'geojson'
    ? {
        type: 'geojson',
        data: regions.data as GeoJSONSourceSpecification['data'],
        promoteId: 'code',
        buffer: TILE_BUFFER,
      }
    : { type: 'vector', url: `pmtiles://${regions.url}`, promoteId: 'code' };
}

/** Fill (class colour), hatch (no data) and outline layers of the regions. */
export function regionLayers(regions: RegionSource, theme: MapTheme): LayerSpecification[] {
  const sourceLayer = regions.kind === 'vector' ? { 'source-layer': regions.sourceLayer } : {};
  return [
    { id: FILL, type: 'fill', source: SOURCE, ...sourceLayer, paint: fillPaint(theme) },
    {
      id: NO_DATA,
      type: 'fill',
      source: SOURCE,
      ...sourceLayer,
      paint: {
        'fill-pattern': PATTERN,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hasValue'], false], 0, 1],
        // The region outlines cover its edges: no antialiased edge pass, and one shader fewer to compile before
        // the first paint (software WebGL compiles each in tens of ms).
        'fill-antialias': false,
      },
    },
    { id: LINE, type: 'line', source: SOURCE, ...sourceLayer, paint: linePaint(theme) },
    {
      id: FOCUS_HALO,
      type: 'line',
      source: SOURCE,
      ...sourceLayer,
      paint: focusPaint(theme.focusHalo, FOCUS_HALO_WIDTH),
    },
    { id: FOCUS, type: 'line', source: SOURCE, ...sourceLayer, paint: focusPaint(theme.focus, FOCUS_WIDTH) },
  ];
}

/**
 * The keyboard focus outline: drawn only on the region whose feature-state `focused` is true (elsewhere its width
 * is 0: nothing to rasterize). Colour and width vary by feature-state as the outlines' do, so MapLibre draws all
 * three line layers with one shader program.
 */
export function focusPaint(
  color: string,
  width: number,
): { 'line-color': ExpressionSpecification; 'line-width': ExpressionSpecification } {
  const focused: ExpressionSpecification = ['boolean', ['feature-state', 'focused'], false];
  return {
    'line-color': ['case', focused, color, 'rgba(0, 0, 0, 0)'],
    'line-width': ['case', focused, width, 0],
  };
}

/** The class colour; regions outside a legend class being pointed at are faded (feature-state `dimmed`). */
export function fillPaint(theme: MapTheme): {
  'fill-color': ExpressionSpecification;
  'fill-opacity': ExpressionSpecification;
} {
  return {
    'fill-color': ['coalesce', ['feature-state', 'color'], theme.noData],
    'fill-opacity': ['case', ['boolean', ['feature-state', 'dimmed'], false], 0.25, 1],
  };
}

export function linePaint(theme: MapTheme): {
  'line-color': ExpressionSpecification;
  'line-width': ExpressionSpecification;
} {
  return {
    'line-color': [
      'case',
      ['boolean', ['feature-state', 'selected'], false],
      theme.selectedOutline,
      ['any', ['boolean', ['feature-state', 'hover'], false], ['boolean', ['feature-state', 'highlight'], false]],
      theme.hoverOutline,
      theme.outline,
    ],
    'line-width': [
      'case',
      ['boolean', ['feature-state', 'selected'], false],
      2.5,
      ['any', ['boolean', ['feature-state', 'hover'], false], ['boolean', ['feature-state', 'highlight'], false]],
      2,
      0.6,
    ],
  };
}

/** Bounding box of region `code` in the vector source drawn on `map` (only the tiles loaded so far are known). */
export function vectorRegionBBox(map: MapLibreMap, sourceLayer: string, code: string): BBox | undefined {
  const filter: FilterSpecification = ['==', ['get', 'code'], code];
  const features = map.querySourceFeatures(SOURCE, { sourceLayer, filter });
  return bboxOf(features.map((feature) => feature.geometry));
}
