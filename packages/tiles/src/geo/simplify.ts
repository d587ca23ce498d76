// Topology-preserving simplification per zoom. Simplifying each polygon on its own (as geojson-vt
// does) moves a shared border differently on its two sides and opens slivers between neighbours;
// simplifying the TopoJSON arcs once (Visvalingam, topojson-simplify) moves both sides together.
// Weights are triangle areas in Web Mercator pixels at zoom 0, so one threshold means the same on
// screen at every latitude.
import type { Feature, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
// @types/topojson-simplify wants property-less objects; the properties ride along untouched.
import type { GeometryCollection, GeometryObject, Objects, Topology } from 'topojson-specification';

/** Maximum latitude of the Web Mercator square. */
export const MAX_LATITUDE = 85.0511287798066;

/** lon/lat → Web Mercator pixels at zoom 0 (256 px wide world). */
export function mercatorPixel(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return [((lon + 180) / 360) * 256, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 256];
}

function mercatorTriangleArea(triangle: number[][]): number {
  const [a, b, c] = triangle.map((point) => mercatorPixel(point[0]!, point[1]!)) as [
    [number, number],
    [number, number],
    [number, number],
  ];
  return Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2;
}

/** A topology with per-vertex weights, ready to be simplified for any zoom. */
export type WeightedTopology = Topology & { readonly __weighted: true };

// biome-ignore lint/complexity/noBannedTypes: the parameter type of topojson-simplify's declarations
type PlainTopology = Topology<Objects<{}>>;

export function weighTopology(topology: Topology): WeightedTopology {
  return presimplify(topology as PlainTopology, mercatorTriangleArea) as unknown as WeightedTopology;
}

/**
 * The topology simplified for `zoom`: vertices whose Visvalingam area is below `tolerancePx`² screen
 * pixels at that zoom are dropped (arc end points always stay, so junctions between neighbours hold).
 */
export function simplifyForZoom(topology: WeightedTopology, zoom: number, tolerancePx = 0.75): Topology {
  const pixelsAtZoom0 = tolerancePx / 2 ** zoom;
  return simplify(topology as unknown as PlainTopology, pixelsAtZoom0 * pixelsAtZoom0) as Topology;
}

type Collection = GeometryCollection<Record<string, unknown>>;

function objectOf(topology: Topology, name: string): Collection {
  const object = topology.objects[name];
  if (!object) throw new Error(`topology has no object "${name}"; it has: ${Object.keys(topology.objects).join(', ')}`);
  if (object.type !== 'GeometryCollection')
    throw new Error(`topology object "${name}" is a ${object.type}, expected a GeometryCollection`);
  return object as Collection;
}

/** Every geometry of a topology object as a GeoJSON feature (empty geometries left out). */
export function featuresOf(topology: Topology, name: string): Feature<Geometry, Record<string, unknown>>[] {
  const collection = feature(topology, objectOf(topology, name));
  return collection.features.filter((item) => item.geometry !== null) as Feature<Geometry, Record<string, unknown>>[];
}

/** The borders shared by two geometries of an object that `filter` accepts, as one MultiLineString. */
export function sharedBorders(
  topology: Topology,
  name: string,
  filter: (a: GeometryObject<Record<string, unknown>>, b: GeometryObject<Record<string, unknown>>) => boolean,
): MultiLineString {
  return mesh(topology, objectOf(topology, name), (a, b) => a !== b && filter(a, b));
}
