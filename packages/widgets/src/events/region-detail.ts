// The region a pointer or a method call refers to, as carried by region events.

export interface RegionEventDetail {
  /** ISO 3166-2 code, e.g. `US-KS`. */
  code: string;
  /** Display name, e.g. `Kansas`. */
  name: string;
  /** The value for the period shown, or null when the region has no data. */
  value: number | null;
  /** The value as the map shows it (units and number format applied), or "No data". */
  formattedValue: string;
  /** Observation status when the server reports one: `final`, `preliminary`, `revised` or `sample`. */
  status?: string;
  /** The period shown, `YYYY-MM-DD`, when known. */
  time?: string;
}
