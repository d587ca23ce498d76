// The language an element speaks: the `lang` of the element or its nearest ancestor, looking through
// shadow roots to their hosts (an element inside another component takes that page's language), else the
// browser's. Followed live: a page that switches `lang` (on <html> or any ancestor) re-renders the element.
// The host's `aria-label` and `title` are watched too, since they become the map's accessible name.
// A translated catalogue other than English is fetched when first needed (a chunk of the CDN bundle): until it
// arrives the element speaks English, and it renders again when it does, whichever element's fetch brought it
// (and once when the fetch fails).
import { catalogueFailed, catalogueLanguages, loadedMessages, loadMessages, type Messages } from '@chronos/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The nearest `lang` attribute from `node` up, crossing shadow roots; '' when none says. */
export function langOf(node: Node | null): string {
  for (let current = node; current; ) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang')!.trim();
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return '';
}

/** The language tag an element speaks: its nearest `lang` (see langOf), else the browser's, else English. */
export function pageLang(node: Node): string {
  return langOf(node) || navigator.language || 'en';
}

/** Elements on the page that spoke English for want of a catalogue, by that catalogue's language: each renders
 * again when it arrives, whichever element's fetch (or retry) brought it. An element leaves the list when it leaves
 * the page (LangController), so a catalogue that never arrives holds no removed element. */
const waiting = new Map<string, Set<{ requestUpdate(): void }>>();

/** Takes `host` off every waiting list; whether it was on one. */
function stopWaiting(host: { requestUpdate(): void }): boolean {
  let was = false;
  for (const hosts of waiting.values()) was = hosts.delete(host) || was;
  return was;
}

function renderAgain(language: string): void {
  const hosts = waiting.get(language);
  waiting.delete(language);
  for (const host of hosts ?? []) host.requestUpdate();
}

/** The chrome's strings in `lang` (a BCP 47 tag): English while that language's catalogue is on its way, and
 * `host` renders again once it has arrived, or has first failed to (its words are then settled: see
 * `wordsSettled`). A failed fetch is tried again on the next call (render); that retry failing too renders
 * nothing again (each render would retry), but the catalogue's arrival later still does. */
export function messagesIn(lang: string, host?: { requestUpdate(): void }): Messages {
  const messages = loadedMessages(lang);
  if (messages) return messages;
  const language = lang.split('-')[0]!.toLowerCase();
  if (host && (host as Partial<Node>).isConnected !== false) {
    waiting.set(language, (waiting.get(language) ?? new Set()).add(host));
  }
  const retry = catalogueFailed(lang);
  loadMessages(lang).then(
    () => renderAgain(language),
    () => (retry ? undefined : renderAgain(language)),
  );
  return loadedMessages('en')!;
}

/** Whether the words of `lang` are settled: its catalogue has arrived, or fetching it failed (English, then, until
 * a retry brings it). What an element reports to the page (`chronos-error`) waits for this: in the page's language
 * when that can be had, and never held back for good by a catalogue that cannot be fetched. */
export function wordsSettled(lang: string): boolean {
  return loadedMessages(lang) !== undefined || catalogueFailed(lang);
}

/** A loading notice in `lang`'s words, or none while that language's catalogue is on its way: a French page
 * shows an empty status for the moment before its strings arrive, and "Loading…" in English only once they cannot
 * be fetched (`wordsSettled`). */
export function loadingNotice(lang: string, text: string): string {
  return wordsSettled(lang) ? text : '';
}

/** The chrome's strings for an element where no LangController is at hand (a failure being described). */
export function messagesOf(element: Element): Messages {
  const host = 'requestUpdate' in element ? (element as Element & { requestUpdate(): void }) : undefined;
  return messagesIn(pageLang(element), host);
}

/** Every shadow root between `node` and the document (where a `lang` change would not reach a document observer). */
function shadowRootsAbove(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) roots.push(root);
  return roots;
}

export class LangController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;
  /** The `lang` found, kept until a `lang` changes or the element moves (read for every region of a render). */
  #lang: string | undefined;
  /** Whether the element left the page while waiting for its catalogue (it renders again when it comes back). */
  #leftWaiting = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#lang = undefined;
    if (this.#leftWaiting) this.#host.requestUpdate();
    this.#leftWaiting = false;
    this.#observer = new MutationObserver(() => {
      this.#lang = undefined;
      this.#host.requestUpdate();
    });
    const options = { attributes: true, subtree: true, attributeFilter: ['lang'] };
    this.#observer.observe(document.documentElement, options);
    for (const root of shadowRootsAbove(this.#host)) this.#observer.observe(root, options);
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['aria-label', 'title'] });
  }

  hostDisconnected(): void {
    this.#leftWaiting = stopWaiting(this.#host);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#lang = undefined;
  }

  /** The page's language tag for this element ('' when nothing says, then the browser's language is used). */
  get lang(): string {
    if (!this.#observer) return langOf(this.#host);
    this.#lang ??= langOf(this.#host);
    return this.#lang;
  }

  /** The element's language tag: its page's, else the browser's. */
  get tag(): string {
    return this.lang || navigator.language || 'en';
  }

  /** The chrome's strings in that language (English when it is not translated). */
  get messages(): Messages {
    return messagesIn(this.tag, this.#host);
  }

  /** Whether the element's words are settled (`wordsSettled`): arrived, or English after a failed fetch. */
  get settled(): boolean {
    return wordsSettled(this.tag);
  }

  /** The primary language subtag of the chrome (`en`, `fr`). */
  get language(): string {
    const language = this.tag.split('-')[0]!.toLowerCase();
    return catalogueLanguages.includes(language) ? language : 'en';
  }

  /** The BCP 47 tag numbers and dates are formatted for: the page's tag when it names a region (`fr-FR`),
   * else the catalogue's (`fr` → `fr-CA`), else whatever the page or browser says (`de`). */
  get locale(): string {
    const tag = this.tag;
    if (tag.includes('-')) return tag;
    const messages = this.messages;
    return messages.locale.startsWith(`${tag.toLowerCase()}-`) ? messages.locale : tag;
  }
}
