// A choropleth's colours: values + settings → class breaks and one colour per region (per country when the
// metric is classified per country). Apart from choropleth.ts because it carries the statistics
// (classify.ts) and the colour schemes (schemes.ts): code that only reads settings or breaks leaves them out.
import { type Breaks, classIndex } from './breaks.ts';
import { type PaintSettings, type StableValuesByCountry, countryOf } from './choropleth.ts';
import { classify } from './classify.ts';
import { colorsFor } from './schemes.ts';
import type { RegionValue } from './types.ts';

export interface ChoroplethPaint {
  /** Undefined when no region has a finite value. */
  breaks: Breaks | undefined;
  /** One colour per class, light to dark. */
  colors: string[];
  /** Region code → class colour, for the regions with a value. */
  colorByCode: Map<string, string>;
  /** Why the settings' classification could not be used (quantile was used instead). */
  problem?: string;
  /** With `perCountry`: each country's breaks (`breaks` is then the country with the most regions). */
  breaksByCountry?: Map<string, Breaks>;
}

/**
 * Classifies `values` (or `classifyOver`, every period's values for stable breaks) and colours each region.
 * A classification that fails on these values (e.g. custom thresholds out of order for the data) falls
 * back to quantile with the same number of classes; `colors` of another length than the classes falls
 * back to the scheme.
 */
export function paintChoropleth(
  values: readonly RegionValue[],
  settings: PaintSettings,
  classifyOver?: readonly number[] | StableValuesByCountry,
): ChoroplethPaint {
  if (settings.perCountry) {
    return paintPerCountry(values, settings, classifyOver instanceof Map ? classifyOver : undefined);
  }
  const stable = classifyOver instanceof Map ? [...classifyOver.values()].flat() : (classifyOver as readonly number[]);
  const numbers = values.map((value) => value.value);
  const colorByCode = new Map<string, string>();
  if (!numbers.some((value) => typeof value === 'number' && Number.isFinite(value))) {
    return { breaks: undefined, colors: [], colorByCode };
  }
  const classes = settings.colors?.length ?? settings.classes;
  const over = stable ?? numbers;
  let breaks: Breaks;
  let problem: string | undefined;
  try {
    breaks = classify(over, {
      method: settings.classification,
      classes,
      ...(settings.thresholds ? { thresholds: settings.thresholds } : {}),
      ...(settings.midpoint === undefined ? {} : { midpoint: settings.midpoint }),
    });
  } catch (error) {
    problem = (error as Error).message;
    breaks = classify(over, { method: 'quantile', classes });
  }
  const colors =
    settings.colors && settings.colors.length === breaks.classes
      ? settings.colors
      : colorsFor(settings.scheme, breaks.classes, { reverse: settings.reverse ?? false });
  for (const value of values) {
    const index = classIndex(value.value, breaks);
    if (index >= 0) colorByCode.set(value.region, colors[index]!);
  }
  return { breaks, colors, colorByCode, ...(problem === undefined ? {} : { problem }) };
}

/** One classification per country (the ISO 3166-2 prefix): the same colours, each country's own breaks, stable
 * over every period when `classifyOver` gives each country's values of every period. */
function paintPerCountry(
  values: readonly RegionValue[],
  settings: PaintSettings,
  classifyOver: StableValuesByCountry | undefined,
): ChoroplethPaint {
  const byCountry = new Map<string, RegionValue[]>();
  for (const value of values) {
    const country = countryOf(value.region);
    byCountry.set(country, [...(byCountry.get(country) ?? []), value]);
  }
  const colorByCode = new Map<string, string>();
  const breaksByCountry = new Map<string, Breaks>();
  let largest: ChoroplethPaint | undefined;
  let largestSize = -1;
  let problem: string | undefined;
  for (const [country, group] of byCountry) {
    const paint = paintChoropleth(group, { ...settings, perCountry: false }, classifyOver?.get(country));
    if (!paint.breaks) continue;
    breaksByCountry.set(country, paint.breaks);
    for (const [code, color] of paint.colorByCode) colorByCode.set(code, color);
    problem ??= paint.problem;
    if (group.length > largestSize) {
      largest = paint;
      largestSize = group.length;
    }
  }
  if (!largest) return { breaks: undefined, colors: [], colorByCode };
  return {
    breaks: largest.breaks,
    colors: largest.colors,
    colorByCode,
    breaksByCountry,
    ...(problem === undefined ? {} : { problem }),
  };
}
