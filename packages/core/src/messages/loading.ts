// The catalogues for code that fetches a language only when a page uses it (the CDN bundle keeps French out
// of its entry): English is always at hand; another language arrives with `loadMessages`, after which
// `loadedMessages` returns it. `messagesFor` (index.ts) is the same lookup with every language built in.
import { type LazyModule, lazyModule } from '../lazy-module.ts';
import { en, type Messages } from './en.ts';

/** Each translated language other than English, as its own chunk in a bundle. */
const catalogues: Record<string, LazyModule<Messages>> = {
  fr: lazyModule(() => import('./fr.ts').then((module) => module.fr)),
};

/** The languages the chrome is translated into (the same list as `languages`, without loading any). */
export const catalogueLanguages: readonly string[] = ['en', ...Object.keys(catalogues)];

/** The catalogue of a BCP 47 tag's language (`fr-CA` → `fr`); undefined for English and untranslated ones. */
const catalogueOf = (lang?: string | null): LazyModule<Messages> | undefined =>
  catalogues[(lang ?? '').split('-')[0]!.toLowerCase()];

/** The catalogue for `lang` if it is at hand (English for an untranslated language); undefined while a
 * translated language has not arrived (call `loadMessages`). */
export function loadedMessages(lang?: string | null): Messages | undefined {
  const catalogue = catalogueOf(lang);
  return catalogue ? catalogue.loaded() : en;
}

/** Whether fetching `lang`'s catalogue failed and no retry has brought it yet (its words are English then). */
export function catalogueFailed(lang?: string | null): boolean {
  return catalogueOf(lang)?.failed() ?? false;
}

/** Fetches the catalogue for `lang` once per page; a failed fetch is forgotten, so the next call tries again. */
export function loadMessages(lang?: string | null): Promise<Messages> {
  return catalogueOf(lang)?.load() ?? Promise.resolve(en);
}
