// Errors that become `{"statusCode","error","message"}` responses (the ErrorResponse body of schemas.ts; see
// plugins/app/errors.ts).
import { STATUS_CODES } from 'node:http';
import { type ErrorBody, RefusalCode } from './schemas.ts';

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

export type { RefusalCode } from './schemas.ts';

const REFUSAL_CODES: ReadonlySet<unknown> = new Set(RefusalCode.enum);

export const isRefusalCode = (code: unknown): code is RefusalCode => REFUSAL_CODES.has(code);

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
