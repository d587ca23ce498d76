// boundaries.pmtiles: one layer `regions` (US states, DC, PR, Canadian provinces and territories) with
// `code`, `name`, `name_fr`, `country`, and a numeric feature id derived from the code, so MapLibre can
// address features either by id or with `promoteId: 'code'`.
import type { Feature, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import { featuresOf, simplifyForZoom, weighTopology } from '../geo/simplify.ts';
import { indexLayer, regionFeatureId } from '../mvt/encode.ts';
import { partBboxes, type TilesetPlan } from '../mvt/tileset.ts';
import type { PMTilesWriterOptions, VectorLayer } from '../pmtiles/writer.ts';

export const REGIONS_LAYER = 'regions';
export const BOUNDARIES_ZOOMS = { min: 0, max: 8 } as const;

export interface RegionProperties {
  code: string;
  name: string;
  name_fr: string;
  country: string;
}

export const regionsVectorLayer: VectorLayer = {
  id: REGIONS_LAYER,
  description: 'US states, DC, Puerto Rico and Canadian provinces and territories; feature id = regionFeatureId(code)',
  fields: { code: 'String', name: 'String', name_fr: 'String', country: 'String' },
  minzoom: BOUNDARIES_ZOOMS.min,
  maxzoom: BOUNDARIES_ZOOMS.max,
};

/** Region features with the properties the tiles carry (checked: bad input names the region). */
export function regionFeatures(topology: Topology): Feature<Geometry, RegionProperties>[] {
  return featuresOf(topology, REGIONS_LAYER).map((item, index) => {
    const { code, name, name_fr, country } = item.properties;
    for (const [key, value] of Object.entries({ code, name, name_fr, country }))
      if (typeof value !== 'string' || value === '')
        throw new Error(`region #${index} (${String(code ?? item.id)}) has no "${key}" property`);
    const properties = { code, name, name_fr, country } as RegionProperties;
    return { type: 'Feature', id: regionFeatureId(properties.code), properties, geometry: item.geometry };
  });
}

/** The plan for boundaries.pmtiles from the committed boundary topology. */
export function boundariesPlan(topology: Topology): TilesetPlan {
  regionFeatures(topology); // validate once up front
  const weighted = weighTopology(topology);
  let cached: { zoom: number; features: Feature<Geometry, RegionProperties>[] } | undefined;
  const featuresAt = (zoom: number) => {
    if (cached?.zoom !== zoom) cached = { zoom, features: regionFeatures(simplifyForZoom(weighted, zoom, 0.5)) };
    return cached.features;
  };
  return {
    minZoom: BOUNDARIES_ZOOMS.min,
    maxZoom: BOUNDARIES_ZOOMS.max,
    areasFor: (zoom) => partBboxes(featuresAt(zoom)),
    layersFor: (zoom) => [indexLayer(REGIONS_LAYER, featuresAt(zoom), zoom)],
  };
}

export function boundariesWriterOptions(attribution: string): PMTilesWriterOptions {
  return {
    tileType: 'mvt',
    tileCompression: 'gzip',
    metadata: {
      name: 'Chronos boundaries',
      description: 'US states + DC + PR and Canadian provinces and territories, joined by ISO 3166-2 code',
      attribution,
      type: 'overlay',
      version: '1',
      vector_layers: [regionsVectorLayer],
    },
  };
}
