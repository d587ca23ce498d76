// The notices <chronos-choropleth> shows over its map besides the loading error, and reports as
// chronos-error: each invalid attribute (its default is used; reported once per attribute value, whatever the
// language; in English when the page's catalogue cannot be fetched), and the basemap's failure while the
// regions draw without it, in the element's language (it follows a later `lang` change).
import type { ReactiveControllerHost } from 'lit';
import { ChronosErrorEvent } from '../../events/error.ts';
import { AttributeReports } from '../../internal/attribute-reports.ts';
import type { RawSettings, SettingProblem } from './choropleth-config.ts';
import type { RegionText } from './choropleth-regions.ts';

export class ChoroplethNotices {
  #host: ReactiveControllerHost & HTMLElement;
  #text: RegionText;
  #problems: SettingProblem[] = [];
  #reports: AttributeReports;
  /** The basemap's failure, shown as a notice while the regions draw without it. */
  #basemap?: { url: string; reason: string };

  constructor(host: ReactiveControllerHost & HTMLElement, text: RegionText) {
    this.#host = host;
    this.#text = text;
    this.#reports = new AttributeReports(host, () => text.settled);
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
    for (const { attribute, message } of problems) {
      this.#reports.report(attribute, raw[attribute as keyof RawSettings], message);
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
