// Compares a secret given in a request with the configured one in constant time; false when either is missing.
import { timingSafeEqual } from 'node:crypto';

export function secretMatches(given: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
