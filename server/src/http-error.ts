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

export function errorBody(statusCode: number, message: string): { statusCode: number; error: string; message: string } {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** "a, b and c" for messages that name the valid choices. */
export function listChoices(choices: readonly string[]): string {
  if (choices.length === 0) return '(none)';
  if (choices.length === 1) return choices[0]!;
  return `${choices.slice(0, -1).join(', ')} and ${choices.at(-1)}`;
}
