// Colour schemes for classed choropleths: ColorBrewer's sequential and diverging sets and the Viridis
// family, all from d3-scale-chromatic. Each is marked colour-blind safe using ColorBrewer's published
// "colorblind safe" flags (safe for every class count); the Viridis family was designed to be.
import {
  interpolateCividis,
  interpolateInferno,
  interpolateMagma,
  interpolatePlasma,
  interpolateViridis,
  schemeBlues,
  schemeBrBG,
  schemeBuGn,
  schemeBuPu,
  schemeGnBu,
  schemeGreens,
  schemeGreys,
  schemeOranges,
  schemeOrRd,
  schemePiYG,
  schemePRGn,
  schemePuBu,
  schemePuBuGn,
  schemePuOr,
  schemePuRd,
  schemePurples,
  schemeRdBu,
  schemeRdGy,
  schemeRdPu,
  schemeRdYlBu,
  schemeRdYlGn,
  schemeReds,
  schemeSpectral,
  schemeYlGn,
  schemeYlGnBu,
  schemeYlOrBr,
  schemeYlOrRd,
} from 'd3-scale-chromatic';
import { schemeId } from './scheme-ids.ts';

export type SchemeType = 'sequential' | 'diverging' | 'categorical';

export interface ColorScheme {
  /** Lower-case id used by the `scheme` attribute, e.g. `blues`, `rdbu`, `viridis`. */
  id: string;
  /** ColorBrewer's or matplotlib's own name, e.g. `YlOrRd`, `Viridis`. */
  label: string;
  type: SchemeType;
  /** Distinguishable under the common colour-vision deficiencies at every class count. */
  colorBlindSafe: boolean;
  /** `n` colours as `#rrggbb`, light to dark (sequential) or first pole to second (diverging). */
  colors(n: number): string[];
}

/** Fill for regions without a value (drawn with a hatch pattern by the elements), light and dark themes. */
export const NO_DATA_COLOR = '#d4d4d4';
export const NO_DATA_COLOR_DARK = '#4a4a4a';

/** The most classes any scheme here offers; ColorBrewer's sequential sets stop at 9, diverging at 11. */
export const MAX_SCHEME_CLASSES = 11;

type BrewerSets = readonly (readonly string[])[];

/** ColorBrewer sets come in fixed sizes (3–9 or 3–11); fewer than 3 classes take colours from the 3-class set. */
function brewer(label: string, type: SchemeType, sets: BrewerSets, colorBlindSafe: boolean): ColorScheme {
  const largest = sets.length - 1;
  return {
    id: label.toLowerCase(),
    label,
    type,
    colorBlindSafe,
    colors(n) {
      checkCount(label, n, largest);
      if (n >= 3) return [...sets[n]!];
      const three = sets[3]!;
      return n === 1 ? [three[type === 'diverging' ? 1 : 2]!] : [three[0]!, three[2]!];
    },
  };
}

/** Evenly spaced samples of a continuous scheme, endpoints included (as d3's `quantize`). */
function continuous(label: string, interpolate: (t: number) => string): ColorScheme {
  return {
    id: label.toLowerCase(),
    label,
    type: 'sequential',
    colorBlindSafe: true,
    colors(n) {
      checkCount(label, n, MAX_SCHEME_CLASSES);
      return Array.from({ length: n }, (_, i) => toHex(interpolate(n === 1 ? 0.5 : i / (n - 1))));
    },
  };
}

function checkCount(label: string, n: number, largest: number): void {
  if (!Number.isInteger(n) || n < 1 || n > largest) {
    throw new RangeError(`scheme ${label} has 1 to ${largest} colours; got ${n}`);
  }
}

/** `#rrggbb` from the `#rrggbb` or `rgb(r, g, b)` strings d3-scale-chromatic returns. */
function toHex(color: string): string {
  if (color.startsWith('#')) return color.toLowerCase();
  const channels = color.match(/\d+(\.\d+)?/g);
  if (!channels || channels.length < 3) throw new Error(`unexpected colour "${color}"`);
  return `#${channels
    .slice(0, 3)
    .map((channel) => Math.round(Number(channel)).toString(16).padStart(2, '0'))
    .join('')}`;
}

const list: ColorScheme[] = [
  // Sequential, single hue: every ColorBrewer sequential set is flagged colour-blind safe.
  brewer('Blues', 'sequential', schemeBlues, true),
  brewer('Greens', 'sequential', schemeGreens, true),
  brewer('Greys', 'sequential', schemeGreys, true),
  brewer('Oranges', 'sequential', schemeOranges, true),
  brewer('Purples', 'sequential', schemePurples, true),
  brewer('Reds', 'sequential', schemeReds, true),
  // Sequential, multi-hue.
  brewer('BuGn', 'sequential', schemeBuGn, true),
  brewer('BuPu', 'sequential', schemeBuPu, true),
  brewer('GnBu', 'sequential', schemeGnBu, true),
  brewer('OrRd', 'sequential', schemeOrRd, true),
  brewer('PuBu', 'sequential', schemePuBu, true),
  brewer('PuBuGn', 'sequential', schemePuBuGn, true),
  brewer('PuRd', 'sequential', schemePuRd, true),
  brewer('RdPu', 'sequential', schemeRdPu, true),
  brewer('YlGn', 'sequential', schemeYlGn, true),
  brewer('YlGnBu', 'sequential', schemeYlGnBu, true),
  brewer('YlOrBr', 'sequential', schemeYlOrBr, true),
  brewer('YlOrRd', 'sequential', schemeYlOrRd, true),
  // Diverging: ColorBrewer flags RdGy "maybe" and RdYlGn/Spectral "maybe" at 3–5 classes, "bad" above.
  brewer('BrBG', 'diverging', schemeBrBG, true),
  brewer('PiYG', 'diverging', schemePiYG, true),
  brewer('PRGn', 'diverging', schemePRGn, true),
  brewer('PuOr', 'diverging', schemePuOr, true),
  brewer('RdBu', 'diverging', schemeRdBu, true),
  brewer('RdYlBu', 'diverging', schemeRdYlBu, true),
  brewer('RdGy', 'diverging', schemeRdGy, false),
  brewer('RdYlGn', 'diverging', schemeRdYlGn, false),
  brewer('Spectral', 'diverging', schemeSpectral, false),
  // Perceptually uniform, designed for colour-vision deficiency (van der Walt & Smith; Nuñez et al. for cividis).
  continuous('Viridis', interpolateViridis),
  continuous('Cividis', interpolateCividis),
  continuous('Magma', interpolateMagma),
  continuous('Inferno', interpolateInferno),
  continuous('Plasma', interpolatePlasma),
];

/** Every scheme by id. */
export const schemes: Readonly<Record<string, ColorScheme>> = Object.freeze(
  Object.fromEntries(list.map((scheme) => [scheme.id, scheme])),
);

/** Looks a scheme up by id, case-insensitively (`YlOrRd` = `ylorrd`); throws naming the valid ones. */
export function getScheme(id: string): ColorScheme {
  return schemes[schemeId(id)]!;
}

/** `classes` colours of `scheme` as `#rrggbb`, optionally reversed (dark to light). */
export function colorsFor(scheme: string, classes: number, options: { reverse?: boolean } = {}): string[] {
  const colors = getScheme(scheme).colors(classes);
  return options.reverse ? colors.reverse() : colors;
}
