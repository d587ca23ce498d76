// A real HTTP server on this machine for the API client's tests (client.test.ts, client-retries.test.ts):
// it records every request it gets (path, query, headers, time, whether the client went away) and answers
// with the handler the test sets. Importing it starts it before the file's tests and stops it after.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach } from 'node:test';
import { ChronosClient, clearCache } from '../client.ts';

export interface Seen {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  at: number;
  /** Set when the client went away before the response was sent. */
  aborted: boolean;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, seen: Seen) => void;

/** What the server answers the next requests with (each test sets its own; a JSON body by default). */
export const api: { handler: Handler } = { handler: () => undefined };
/** Every request the server got since the test began, in order. */
export let seen: Seen[] = [];
/** The server's address, once it listens. */
export let baseUrl = '';
const server = createServer((request, response) => {
  const url = new URL(request.url!, 'http://localhost');
  const entry: Seen = {
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    at: Date.now(),
    aborted: false,
  };
  response.on('close', () => {
    if (!response.writableFinished) entry.aborted = true;
  });
  seen.push(entry);
  api.handler(request, response, entry);
});

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export const collection = { type: 'FeatureCollection', features: [] };
export const choropleth = {
  metric: { id: 'unemployment', title: 'Unemployment rate', units: 'percent', frequency: 'monthly', sources: [] },
  time: '2024-03-01',
  values: [{ region: 'US-CA', name: 'California', value: 5.3, status: 'final' }],
  missing: ['CA-NU'],
};
export const notFound = {
  statusCode: 404,
  error: 'Not Found',
  message: 'unknown metric "unemploymnt"; valid: unemployment, median-income',
};

export const client = (options: Partial<ConstructorParameters<typeof ChronosClient>[0]> = {}) =>
  new ChronosClient({ baseUrl, retryDelay: 10, ...options });

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  clearCache();
  seen = [];
  api.handler = (_request, response) => json(response, 200, choropleth);
});
