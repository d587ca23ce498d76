// The lazy request logger: lines look as they did (request id bound), and a request that logs nothing
// at the configured level never makes a pino child.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import test from 'node:test';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { lazyRequestLogger } from '../src/request-logger.ts';

function appLogging(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  const app = Fastify({ logger: { level, stream }, childLoggerFactory: lazyRequestLogger });
  app.get('/quiet', async () => ({ ok: true }));
  app.get('/fails', async (request) => {
    request.log.error({ detail: 'x' }, 'something failed');
    request.log.debug('not shown at warn');
    return { ok: false };
  });
  return { app, lines };
}

function countChildren(logger: FastifyBaseLogger): { count: number } {
  const counter = { count: 0 };
  const child = logger.child.bind(logger);
  logger.child = (...args: Parameters<FastifyBaseLogger['child']>) => {
    counter.count++;
    return child(...args);
  };
  return counter;
}

test('at info, each request logs incoming and completed lines bound to its request id', async () => {
  const { app, lines } = appLogging('info');
  const response = await app.inject('/quiet');
  assert.equal(response.statusCode, 200);
  const bound = lines.filter((line) => line.reqId !== undefined);
  assert.deepEqual(
    bound.map((line) => line.msg),
    ['incoming request', 'request completed'],
  );
  assert.equal(bound[0]!.reqId, bound[1]!.reqId);
  assert.ok(typeof bound[0]!.reqId === 'string' && bound[0]!.reqId.length > 0);
  await app.close();
});

test('at warn, a quiet request makes no child logger; an error is logged with its request id', async () => {
  const { app, lines } = appLogging('warn');
  await app.ready();
  const children = countChildren(app.log);
  for (let i = 0; i < 20; i++) assert.equal((await app.inject('/quiet')).statusCode, 200);
  assert.equal(children.count, 0, 'no pino child for requests that log nothing');
  assert.equal(lines.length, 0);

  const response = await app.inject('/fails');
  assert.equal(response.statusCode, 200);
  assert.equal(children.count, 1);
  assert.equal(lines.length, 1, 'debug is below the level and not written');
  assert.equal(lines[0]!.msg, 'something failed');
  assert.equal(lines[0]!.detail, 'x');
  assert.equal(typeof lines[0]!.reqId, 'string');
  await app.close();
});
