// The notices <chronos-choropleth> shows over its map besides the loading error, and reports as
// chronos-error: each invalid attribute (its default is used; reported once per attribute value, whatever the
// language; in English when the page's catalogue cannot be fetched), and the basemap's failure while the
// regions draw without it, in the element's language (it follows a later `lang` change).
import type { ReactiveControllerHost } from 'lit';
import { ChronosErrorEvent } from '../../events/error.ts';
import { problemKey, type RawSettings, type SettingProblem } from './choropleth-config.ts';
import type { RegionText } from './choropleth-regions.ts';

export class ChoroplethNotices {
  #host: ReactiveControllerHost & HTMLElement;
  #text: RegionText;
  #problems: SettingProblem[] = [];
  #reported = new Set<string>();
  /** The basemap's failure, shown as a notice while the regions draw without it. */
  #basemap?: { url: string; reason: string };

  constructor(host: ReactiveControllerHost & HTMLElement, text: RegionText) {
    this.#host = host;
    this.#text = text;
  }

  /** The notices to show, attributes first. */
  get shown(): readonly { message: string }[] {
    return this.#basemap ? [...this.#problems, { message: this.#basemapNotice()! }] : this.#problems;
  }

  /** The attributes' problems as resolved from `raw` for this update: shown, and each problem reported once (a
   * `lang` change rewords the notices; it reports nothing new). */
  attributes(problems: SettingProblem[], raw: RawSettings): void {
    if (JSON.stringify(problems) !== JSON.stringify(this.#problems)) {
      this.#problems = problems;
      this.#host.requestUpdate();
    }
    // Reported in the page's language: not while its catalogue is still on its way (English meanwhile), in
    // English once its fetch has failed; once per attribute and value, whatever language the message is in.
    for (const problem of this.#text.settled ? problems : []) {
      const key = problemKey(raw, problem);
      if (this.#reported.has(key)) continue;
      this.#reported.add(key);
      this.#host.dispatchEvent(new ChronosErrorEvent({ kind: 'attribute', ...problem }));
    }
  }

  /** The basemap at `url` could not be shown (MapLibre's `reason`, '' when none): shown, reported once. */
  basemapFailed(url: string, reason: string): void {
    if (url === this.#basemap?.url && reason === this.#basemap.reason) return;
    this.#basemap = { url, reason };
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new ChronosErrorEvent({ kind: 'basemap', message: this.#basemapNotice()! }));
  }

  /** Another basemap (or API) is asked for: the failure of the last one is no longer shown. */
  basemapChanged(): void {
    if (!this.#basemap) return;
    this.#basemap = undefined;
    this.#host.requestUpdate();
  }

  /** The basemap's failure in the element's language. */
  #basemapNotice(): string | undefined {
    const problem = this.#basemap;
    if (!problem) return undefined;
    const messages = this.#text.messages;
    return messages.errors.basemap(problem.url, problem.reason || messages.mapFailures.basemapTiles);
  }
}
