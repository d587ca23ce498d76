// basemap.pmtiles in the Protomaps basemap layer schema (v4: https://docs.protomaps.com/basemaps/layers),
// so the @protomaps/basemaps styles render it and a real Protomaps extract can replace it unchanged:
//   earth       land polygons                       kind=earth
//   water       ocean, derived per tile as the tile minus its land (inland seas included) kind=ocean
//   boundaries  country borders                     kind=country, kind_detail=2
//               state/province borders (US, CA)     kind=region,  kind_detail=4
//   places      country labels (z2+), state/province labels (z3+): kind=country | region, name,
//               name:en, name:fr, ref (postal code), sort_key, min_zoom, population_rank (by area)
// Sources: world-atlas (Natural Earth land and countries, 110m/50m/10m by zoom) and the committed
// region topology. The world is cut at z0–4, North America at z5–7.
import type { Feature, Geometry, MultiLineString, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import {
  featuresOf,
  MAX_LATITUDE,
  sharedBorders,
  simplifyForZoom,
  type WeightedTopology,
  weighTopology,
} from '../geo/simplify.ts';
import { type DerivedLayer, indexLayer, type LayerIndex, TILE_BUFFER, TILE_EXTENT } from '../mvt/encode.ts';
import { waterRings } from '../geo/ocean.ts';
import { unwrapPolygon } from '../geo/antimeridian.ts';
import { countryPlaces, PLACE_MIN_ZOOM, regionPlaces } from './places.ts';
import type { Bbox, TilesetPlan } from '../mvt/tileset.ts';
import type { PMTilesWriterOptions, VectorLayer } from '../pmtiles/writer.ts';

export const BASEMAP_ZOOMS = { min: 0, max: 7, worldMax: 4 } as const;
/** North America, Hawaii and the Aleutians included. */
export const NORTH_AMERICA: Bbox = [-180, 5, -50, 84];

export const basemapVectorLayers: VectorLayer[] = [
  { id: 'earth', fields: { kind: 'String' }, minzoom: 0, maxzoom: BASEMAP_ZOOMS.max },
  { id: 'water', fields: { kind: 'String' }, minzoom: 0, maxzoom: BASEMAP_ZOOMS.max },
  { id: 'boundaries', fields: { kind: 'String', kind_detail: 'Number' }, minzoom: 0, maxzoom: BASEMAP_ZOOMS.max },
  {
    id: 'places',
    fields: {
      kind: 'String',
      name: 'String',
      'name:en': 'String',
      'name:fr': 'String',
      ref: 'String',
      sort_key: 'Number',
      min_zoom: 'Number',
      population_rank: 'Number',
    },
    minzoom: PLACE_MIN_ZOOM.country,
    maxzoom: BASEMAP_ZOOMS.max,
  },
];

/** world-atlas topologies by resolution; each has objects `land` and `countries`. */
export interface WorldAtlas {
  '110m': Topology;
  '50m': Topology;
  '10m': Topology;
}

/** Which Natural Earth resolution serves a zoom. */
export function resolutionFor(zoom: number): keyof WorldAtlas {
  return zoom <= 1 ? '110m' : zoom <= 4 ? '50m' : '10m';
}

/**
 * Land polygons as separate polygon features (one per part), continuous across the antimeridian
 * (world-atlas joins Eurasia to eastern Chukotka across it: see ../geo/antimeridian.ts).
 */
export function landPolygons(topology: Topology): Polygon[] {
  const polygons: Polygon[] = [];
  for (const { geometry } of featuresOf(topology, 'land')) {
    if (geometry.type === 'Polygon') polygons.push(unwrapPolygon(geometry));
    else if (geometry.type === 'MultiPolygon')
      for (const coordinates of geometry.coordinates) polygons.push(unwrapPolygon({ type: 'Polygon', coordinates }));
  }
  return polygons;
}

/** Water per tile: the buffered tile minus its land (see ../geo/ocean.ts). */
const waterLayer: DerivedLayer = {
  name: 'water',
  derive(tile) {
    const geometry = waterRings(tile.earth ?? [], TILE_EXTENT, TILE_BUFFER);
    return geometry.length === 0 ? [] : [{ type: 3, tags: { kind: 'ocean' }, geometry }];
  },
};

function borderFeature(
  lines: MultiLineString,
  kind: 'country' | 'region',
  kindDetail: number,
): Feature<MultiLineString> {
  return { type: 'Feature', properties: { kind, kind_detail: kindDetail }, geometry: lines };
}

function countryOf(geometry: { properties?: unknown }): unknown {
  return (geometry.properties as { country?: unknown } | undefined)?.country;
}

export function basemapPlan(world: WorldAtlas, regions: Topology): TilesetPlan {
  const weighted = new Map<keyof WorldAtlas, WeightedTopology>();
  const weigh = (resolution: keyof WorldAtlas) => {
    const cached = weighted.get(resolution);
    if (cached) return cached;
    const topology = weighTopology(world[resolution]);
    weighted.set(resolution, topology);
    return topology;
  };
  const weightedRegions = weighTopology(regions);
  const countryLabels = countryPlaces(world['50m']);
  const regionLabels = regionPlaces(regions);

  return {
    minZoom: BASEMAP_ZOOMS.min,
    maxZoom: BASEMAP_ZOOMS.max,
    areasFor: (zoom) => (zoom <= BASEMAP_ZOOMS.worldMax ? [[-180, -MAX_LATITUDE, 180, MAX_LATITUDE]] : [NORTH_AMERICA]),
    layersFor(zoom): (LayerIndex | DerivedLayer)[] {
      const atlas = simplifyForZoom(weigh(resolutionFor(zoom)), zoom);
      const land = landPolygons(atlas);
      const earth: Feature<Geometry>[] = land.map((geometry) => ({
        type: 'Feature',
        properties: { kind: 'earth' },
        geometry,
      }));
      const regionTopology = simplifyForZoom(weightedRegions, zoom);
      const borders = [
        borderFeature(
          sharedBorders(atlas, 'countries', () => true),
          'country',
          2,
        ),
        borderFeature(
          sharedBorders(regionTopology, 'regions', (a, b) => countryOf(a) === countryOf(b)),
          'region',
          4,
        ),
      ];
      const places = [
        ...(zoom >= PLACE_MIN_ZOOM.country ? countryLabels : []),
        ...(zoom >= PLACE_MIN_ZOOM.region ? regionLabels : []),
      ];
      return [
        indexLayer('earth', earth, zoom),
        waterLayer,
        indexLayer('boundaries', borders, zoom),
        indexLayer('places', places, zoom),
      ];
    },
  };
}

export function basemapWriterOptions(): PMTilesWriterOptions {
  return {
    tileType: 'mvt',
    tileCompression: 'gzip',
    metadata: {
      name: 'Chronos basemap',
      description:
        'Land, water, borders and country/state labels in the Protomaps basemap schema (v4), world z0–4, North America z5–7',
      attribution: '<a href="https://www.naturalearthdata.com/">Natural Earth</a>',
      type: 'baselayer',
      version: '4',
      vector_layers: basemapVectorLayers,
    },
  };
}
