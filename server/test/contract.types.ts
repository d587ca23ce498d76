// The API contract, checked by the type checker (`tsc -b`, `npm test -- types`), not at run time: each body
// type of @chronos/core must be mutually assignable with the server's (`Static<>` of its TypeBox schemas).
// A field added, dropped, made optional or nullable on one side only fails the build here, naming the type.
import type * as core from '@chronos/core';
import type * as server from '../src/schemas.ts';

/** true only when A and B are assignable both ways (non-distributive: unions compare as a whole). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only when given `true`. */
type Assert<T extends true> = T;

export type Contract = [
  Assert<Same<core.ApiErrorBody, server.ErrorBody>>,
  Assert<Same<core.SourceInfo, server.Source>>,
  Assert<Same<core.NumberFormat, server.NumberFormat>>,
  Assert<Same<core.MetricInfo, server.MetricInfo>>,
  Assert<Same<core.MetricSummary, server.MetricSummary>>,
  Assert<Same<core.MetricsResponse, server.MetricsResponse>>,
  Assert<Same<core.SeriesResponse, server.SeriesResponse>>,
  Assert<Same<core.ChoroplethResponse, server.ChoroplethData>>,
  Assert<Same<core.BoundaryProperties, server.RegionProperties>>,
  Assert<Same<core.BoundaryCollection, server.BoundaryCollection>>,
  // What an element shows may also come from a page (nullable values, its own GeoJSON): every API body must fit.
  Assert<server.ChoroplethData extends core.ChoroplethData ? true : false>,
  Assert<server.BoundaryCollection extends core.FeatureCollection ? true : false>,
  // The core's number format must be usable as Intl options.
  Assert<core.NumberFormat extends Intl.NumberFormatOptions ? true : false>,
];
