// The one message catalogue of every element's chrome. A language is one file (`en.ts` is the
// reference; `fr.ts` mirrors it, type-checked) plus its line in `catalogues` below. `messagesFor`
// resolves a BCP 47 tag (`fr-CA`, `fr`, `en-GB`) to its language, English when unknown.
import { en, type Messages } from './en.ts';
import { fr } from './fr.ts';

export type { Messages };

const catalogues: Record<string, Messages> = { en, fr };

/** The languages the chrome is translated into. */
export const languages: readonly string[] = Object.keys(catalogues);

/** The catalogue for a BCP 47 tag (`fr-CA` → French); English when the language is not translated. */
export function messagesFor(lang?: string | null): Messages {
  const language = (lang ?? '').split('-')[0]!.toLowerCase();
  return catalogues[language] ?? en;
}
