// Turns <chronos-choropleth>'s attribute values into a valid configuration with @chronos/core's
// attribute parsers: each invalid value becomes a message naming the problem and the valid choices,
// and its default is used instead, so a typo in one attribute never leaves the page with a blank map.
import {
  type Classification,
  type Messages,
  DEFAULT_DIVERGING_SCHEME,
  DEFAULT_SCHEME,
  loadedMessages,
  type Parsed,
  parseChoice,
  parseClasses,
  parseClassification,
  parseGeo,
  parseMidpoint,
  parseScheme,
  parseThresholds,
  parseTime,
} from '@chronos/core';

export const THEMES = ['auto', 'light', 'dark'] as const;
export const LEGEND_POSITIONS = ['bottom-left', 'bottom-right', 'top-left', 'top-right', 'none'] as const;

export type Theme = (typeof THEMES)[number];
export type LegendPosition = (typeof LEGEND_POSITIONS)[number];

/** What the element reads from its attributes and properties, before validation. */
export interface RawSettings {
  geo?: string | undefined;
  time?: string | undefined;
  classification?: string | undefined;
  classes?: number | string | undefined;
  thresholds?: string | number[] | undefined;
  scheme?: string | undefined;
  midpoint?: number | string | undefined;
  theme?: string | undefined;
  legend?: string | undefined;
  colors?: string[] | undefined;
}

export interface Settings {
  geo: string;
  time: string;
  classification: Classification;
  classes: number;
  thresholds: number[] | undefined;
  scheme: string;
  midpoint: number | undefined;
  theme: Theme;
  legend: LegendPosition;
  colors: string[] | undefined;
}

export interface SettingProblem {
  attribute: string;
  message: string;
}

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(',') : String(value);

/** The settings and, in the language of `messages`, what was wrong with the attributes. */
export function resolveSettings(
  raw: RawSettings,
  messages: Messages = loadedMessages('en')!,
): { settings: Settings; problems: SettingProblem[] } {
  const words = messages.attributes;
  const problems: SettingProblem[] = [];
  function use<T>(attribute: string, parsed: Parsed<T>, fallback: (value: T) => string): T {
    if (parsed.error) problems.push({ attribute, message: `${parsed.error}. ${words.using(fallback(parsed.value))}` });
    return parsed.value;
  }

  const geo = use('geo', parseGeo(raw.geo, undefined, messages), (sets) => sets.join(',')).join(',');
  const time = use('time', parseTime(raw.time, undefined, messages), (value) => `"${value}"`);
  const thresholds = use('thresholds', parseThresholds(text(raw.thresholds), messages), () => words.noThresholds);
  let classification = use(
    'classification',
    parseClassification(raw.classification, undefined, messages),
    (value) => value,
  );
  if (!raw.classification?.trim() && thresholds) classification = 'custom';
  if (classification === 'custom' && !thresholds) {
    if (!text(raw.thresholds)?.trim()) {
      problems.push({ attribute: 'thresholds', message: words.customNeedsThresholds });
    }
    classification = 'quantile';
  }
  const classes = use('classes', parseClasses(text(raw.classes), undefined, messages), String);
  const midpoint = use('midpoint', parseMidpoint(text(raw.midpoint), messages), () => words.noMidpoint);
  const defaultScheme = midpoint === undefined ? DEFAULT_SCHEME : DEFAULT_DIVERGING_SCHEME;
  const scheme = use('scheme', parseScheme(raw.scheme, defaultScheme, messages), (value) => value);
  const theme = use('theme', parseChoice('theme', raw.theme, THEMES, 'auto', messages), (value) => value);
  const legend = use(
    'legend',
    parseChoice('legend', raw.legend, LEGEND_POSITIONS, 'bottom-left', messages),
    (value) => value,
  );

  let colors: string[] | undefined;
  if (raw.colors !== undefined && raw.colors !== null) {
    if (Array.isArray(raw.colors) && raw.colors.length >= 2 && raw.colors.every((c) => typeof c === 'string')) {
      colors = raw.colors;
    } else {
      problems.push({ attribute: 'colors', message: words.colors(scheme) });
    }
  }

  return {
    settings: { geo, time, classification, classes, thresholds, scheme, midpoint, theme, legend, colors },
    problems,
  };
}
