// Errors that become `{"statusCode","error","message"}` responses (see plugins/errors.ts).
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  override name = 'HttpError';
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

export const notFound = (message: string): HttpError => new HttpError(404, message);
export const badRequest = (message: string): HttpError => new HttpError(400, message);

/** Why a request was refused, for a page to switch on (the widget's `chronos-error` kind comes from it). */
export type RefusalCode =
  | 'key_required'
  | 'unknown_key'
  | 'malformed_key'
  | 'key_revoked'
  | 'origin_not_allowed'
  | 'rate_limited';

const REFUSAL_CODES: ReadonlySet<unknown> = new Set<RefusalCode>([
  'key_required',
  'unknown_key',
  'malformed_key',
  'key_revoked',
  'origin_not_allowed',
  'rate_limited',
]);

export const isRefusalCode = (code: unknown): code is RefusalCode => REFUSAL_CODES.has(code);

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: RefusalCode;
}

export function errorBody(statusCode: number, message: string, code?: RefusalCode): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (code) body.code = code;
  return body;
}

/** "a, b and c" for messages that name the valid choices. */
export function listChoices(choices: readonly string[]): string {
  if (choices.length === 0) return '(none)';
  if (choices.length === 1) return choices[0]!;
  return `${choices.slice(0, -1).join(', ')} and ${choices.at(-1)}`;
}
