// What a MapController's regions show through MapLibre feature-state: their class colours, the outline of
// the region under the pointer or the keyboard focus, the selected region and named flags (keyboard focus,
// legend highlight). Kept while the map cannot take them (WebGL context lost, map released) so that the
// controller can put them back on the map drawn again.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type RegionSource, SOURCE } from './map-layers.ts';

/** What the feature-state reads from its MapController, when it writes. */
export interface FeatureStateTarget {
  map(): MapLibreMap | undefined;
  /** The region source asked for (drawn, or drawn once the context is back). */
  regions(): RegionSource | undefined;
  contextLost(): boolean;
  released(): boolean;
}

export class RegionFeatureState {
  /** The region outlined under the pointer or the keyboard focus. */
  hovered: string | null = null;
  selected: string | null = null;
  /** Every region painted (with a colour or cleared), so that the next paint clears those it leaves out. */
  painted = new Set<string>();
  /** The colour each region's feature state holds on `#stateMap` (a time step writes only the regions whose
   * colour changes: MapLibre then recomputes paint arrays for those features alone). */
  stateColors = new Map<string, string | null>();
  /** The last colours asked for (re-applied after a lost WebGL context is restored). */
  colors = new Map<string, string>();
  #stateMap: MapLibreMap | undefined;
  #flags = new Map<string, readonly string[]>();
  #target: FeatureStateTarget;

  constructor(target: FeatureStateTarget) {
    this.#target = target;
  }

  #feature(code: string): { source: string; id: string; sourceLayer?: string } {
    const regions = this.#target.regions();
    return regions?.kind === 'vector'
      ? { source: SOURCE, id: code, sourceLayer: regions.sourceLayer }
      : { source: SOURCE, id: code };
  }

  /** Colours regions: `colors` maps a code to its class colour; every other code drawn before is cleared. */
  paint(colors: Map<string, string>, allCodes: Iterable<string>): void {
    const map = this.#target.map();
    const codes = new Set([...allCodes, ...this.painted]);
    this.colors = colors;
    // Released: the restored map is painted with these.
    if (this.#target.released()) this.painted = codes;
    if (!map || !this.#target.regions()) return;
    if (this.#target.contextLost()) {
      this.painted = codes;
      return;
    }
    if (this.#stateMap !== map) this.stateColors.clear();
    this.#stateMap = map;
    for (const code of codes) {
      const color = colors.get(code) ?? null;
      if (this.stateColors.has(code) && this.stateColors.get(code) === color) continue;
      map.setFeatureState(this.#feature(code), { color, hasValue: color !== null });
      this.stateColors.set(code, color);
    }
    this.painted = new Set(codes);
  }

  /** Outlines the region under the pointer or the keyboard focus (null clears). */
  setHovered(code: string | null): void {
    const map = this.#target.map();
    if (code === this.hovered || !map || !this.#target.regions()) return;
    if (this.#target.contextLost()) {
      this.hovered = code;
      return;
    }
    if (this.hovered) map.setFeatureState(this.#feature(this.hovered), { hover: false });
    if (code) map.setFeatureState(this.#feature(code), { hover: true });
    this.hovered = code;
  }

  /** Sets feature-state `flag` on exactly `codes` (keyboard focus, legend highlight); kept across context loss
   * and release, and put back on regions drawn again. */
  setFlag(flag: string, codes: readonly string[]): void {
    const previous = this.#flags.get(flag) ?? [];
    this.#flags.set(flag, codes);
    const map = this.#target.map();
    if (!map || !this.#target.regions() || this.#target.contextLost()) return;
    for (const code of previous) if (!codes.includes(code)) map.setFeatureState(this.#feature(code), { [flag]: false });
    for (const code of codes) map.setFeatureState(this.#feature(code), { [flag]: true });
  }

  /** Puts every flag back on regions drawn anew. */
  applyFlags(map: MapLibreMap): void {
    for (const [flag, codes] of this.#flags)
      for (const code of codes) map.setFeatureState(this.#feature(code), { [flag]: true });
  }

  /** Writes every colour, outline and flag again: MapLibre restored the map's style (after a lost WebGL
   * context) without feature-state. `codes`, `hovered` and `selected` are what the map showed before. */
  rewrite(map: MapLibreMap, codes: Set<string>, hovered: string | null, selected: string | null): void {
    this.hovered = null;
    this.selected = null;
    this.stateColors.clear();
    this.paint(this.colors, codes);
    this.setHovered(hovered);
    this.setSelected(selected);
    this.applyFlags(map);
  }

  /** Outlines the selected region (null clears). */
  setSelected(code: string | null): void {
    const map = this.#target.map();
    if (!map || !this.#target.regions() || this.#target.contextLost()) {
      this.selected = code;
      return;
    }
    if (this.selected) map.setFeatureState(this.#feature(this.selected), { selected: false });
    if (code) map.setFeatureState(this.#feature(code), { selected: true });
    this.selected = code;
  }
}
