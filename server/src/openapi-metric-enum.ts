// The OpenAPI document names the catalogue's metric ids: every `metric` parameter gets them as an `enum`, in the
// document only. Requests are still validated by the id pattern, so an unknown id gets the API's own 404 that
// lists the metrics the database has (which may include metrics outside the catalogue).
import { metricIds } from './metric-catalogue.ts';

interface Operation {
  parameters?: { name?: string; schema?: Record<string, unknown> }[];
}

export function listMetricIds<T extends { paths?: Record<string, Record<string, Operation>> }>(document: T): T {
  for (const methods of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(methods)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.name === 'metric' && parameter.schema) parameter.schema.enum = [...metricIds];
      }
    }
  }
  return document;
}
