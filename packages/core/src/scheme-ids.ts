// The colour schemes' ids, the defaults and the check of a `scheme` attribute, without the colours
// themselves (schemes.ts, with d3-scale-chromatic's sets): code that validates settings, such as an
// element reading its attributes, does not carry the colour data with it. schemes.test.ts checks that this
// list is exactly the schemes' ids, in order.

/** Scheme ids, in the order a picker should show them. */
export const schemeIds: readonly string[] = [
  'blues',
  'greens',
  'greys',
  'oranges',
  'purples',
  'reds',
  'bugn',
  'bupu',
  'gnbu',
  'orrd',
  'pubu',
  'pubugn',
  'purd',
  'rdpu',
  'ylgn',
  'ylgnbu',
  'ylorbr',
  'ylorrd',
  'brbg',
  'piyg',
  'prgn',
  'puor',
  'rdbu',
  'rdylbu',
  'rdgy',
  'rdylgn',
  'spectral',
  'viridis',
  'cividis',
  'magma',
  'inferno',
  'plasma',
];

/** The default scheme for sequential data, and for data with a midpoint. */
export const DEFAULT_SCHEME = 'blues';
export const DEFAULT_DIVERGING_SCHEME = 'rdbu';

/** The id of scheme `id`, looked up case-insensitively (`YlOrRd` = `ylorrd`); throws naming the valid ones. */
export function schemeId(id: string): string {
  const key = id.trim().toLowerCase();
  if (!schemeIds.includes(key)) throw new RangeError(`unknown scheme "${id}"; valid: ${schemeIds.join(', ')}`);
  return key;
}
