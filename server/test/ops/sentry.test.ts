// Sentry wiring end to end: with SENTRY_DSN pointing at a local fake Sentry (an HTTP server that accepts
// envelope POSTs, as sentry.io's ingest does), a 500 in a route reaches it as an event carrying the
// error's message, while the client gets the generic 500 body. @sentry/node is the real package (a
// devDependency here; production installs it to enable reporting, see plugins/app/sentry.ts).
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import app, { serverOptions } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createTestDatabase, type TestDatabase } from '../helpers.ts';

const envelopes: { path: string; items: unknown[] }[] = [];
const receiver = createServer(async (request: IncomingMessage, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  let body = Buffer.concat(chunks);
  if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
  // An envelope is newline-delimited JSON: a header, then (item header, item payload) pairs.
  const items = body
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return line;
      }
    });
  envelopes.push({ path: request.url ?? '', items });
  response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
});

let database: TestDatabase;
before(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  database = await createTestDatabase();
});
after(async () => {
  receiver.close();
  await database.drop();
});

test('a 500 in a route reaches Sentry with the error message; the client sees no detail', async () => {
  const { port } = receiver.address() as { port: number };
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    SENTRY_DSN: `http://0123456789abcdef0123456789abcdef@127.0.0.1:${port}/4242`,
    MAX_EVENT_LOOP_DELAY_MS: '30000',
  });
  const server = Fastify(serverOptions(config, false));
  await server.register(fp(app), { config });
  server.get('/boom', async () => {
    throw new Error('ledger out of balance: 42 rows');
  });
  await server.ready();
  try {
    const response = await server.inject('/boom');
    assert.equal(response.statusCode, 500);
    assert.doesNotMatch(response.body, /ledger/, 'the message stays on the server');
    const deadline = Date.now() + 30_000;
    let event: { exception?: { values?: { type: string; value: string }[] }; environment?: string } | undefined;
    while (!event && Date.now() < deadline) {
      event = envelopes
        .filter((envelope) => envelope.path.startsWith('/api/4242/envelope/'))
        .flatMap((envelope) => envelope.items)
        .find((item) => typeof item === 'object' && item !== null && 'exception' in item) as typeof event;
      if (!event) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(event, `no error event reached the fake Sentry: ${JSON.stringify(envelopes).slice(0, 2000)}`);
    assert.deepEqual(
      event.exception?.values?.map((value) => [value.type, value.value]),
      [['Error', 'ledger out of balance: 42 rows']],
    );
    assert.equal(event.environment, 'test');
  } finally {
    await server.close();
  }
});
