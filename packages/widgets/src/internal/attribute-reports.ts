// What an element tells the page about its invalid attributes (`chronos-error`, kind `attribute`): each problem
// once per attribute and value, whatever the language (a `lang` change rewords the message; it is no new problem),
// and only once the element's words are settled: in the page's language when its catalogue can be had (never
// English on a French page just because French is still on its way), in English when it cannot be fetched.
import { ChronosErrorEvent } from '../events/error.ts';

export class AttributeReports {
  #host: HTMLElement;
  #settled: () => boolean;
  /** `attribute=value` of each problem reported. */
  #reported = new Set<string>();

  /** `settled` says whether the host's words are settled (`LangController.settled`). */
  constructor(host: HTMLElement, settled: () => boolean) {
    this.#host = host;
    this.#settled = settled;
  }

  /** Reports `message` about `attribute` set to `value`, unless that was reported already. While the words are not
   * settled nothing is reported: the host calls this again on its next update (the catalogue's arrival, or its
   * failure, renders it again). */
  report(attribute: string, value: unknown, message: string): void {
    const key = `${attribute}=${JSON.stringify(value ?? null)}`;
    if (this.#reported.has(key) || !this.#settled()) return;
    this.#reported.add(key);
    this.#host.dispatchEvent(new ChronosErrorEvent({ kind: 'attribute', attribute, message }));
  }
}
