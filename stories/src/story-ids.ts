// Ids for the maps that linked elements (`for`) name: unique per rendered story, because a docs page renders
// several stories into one document and `for` finds the first element with the id.
let count = 0;

/** A fresh element id starting with `base`. */
export function uniqueId(base: string): string {
  count += 1;
  return `${base}-${count}`;
}
