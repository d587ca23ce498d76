// Rate-limit counters shared through Redis in batches: one instance is exact, several instances agree
// after a sync, and a Redis outage leaves the local counts in charge.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { Redis } from 'ioredis';
import { SharedCounterStore } from '../../src/security/shared-counter-store.ts';
import { REDIS_URL } from '../helpers.ts';

const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
after(() => redis.quit());

function count(store: SharedCounterStore, key: string, window = 60_000): Promise<{ current: number; ttl: number }> {
  return new Promise((resolve, reject) =>
    store.incr(key, (error, result) => (error ? reject(error) : resolve(result)), window),
  );
}

test('one instance counts every request exactly, with the time left in the window', async () => {
  const store = new SharedCounterStore({ redis, prefix: `test:rl:${randomBytes(4).toString('hex')}:` });
  for (let i = 1; i <= 5; i++) assert.equal((await count(store, 'ip:1')).current, i);
  const { ttl } = await count(store, 'ip:1');
  assert.ok(ttl > 0 && ttl <= 60_000);
  assert.equal((await count(store, 'ip:2')).current, 1, 'keys are counted apart');
  await store.close();
});

test('take counts a request only while it stays within the limit, as read then incr would', async () => {
  const store = new SharedCounterStore({ redis, prefix: `test:rl:${randomBytes(4).toString('hex')}:` });
  const taken = Array.from({ length: 5 }, () => store.take('ip:3', 60_000, 3));
  assert.deepEqual(taken, [true, true, true, false, false]);
  assert.equal((await count(store, 'ip:3')).current, 4, 'the refused ones were not counted');
  await store.close();
});

test('two instances on one Redis see each other’s requests after a sync', async () => {
  const prefix = `test:rl:${randomBytes(4).toString('hex')}:`;
  const a = new SharedCounterStore({ redis, prefix, syncMs: 10 });
  const b = new SharedCounterStore({ redis, prefix, syncMs: 10 });
  for (let i = 0; i < 7; i++) await count(a, 'key:k');
  for (let i = 0; i < 3; i++) await count(b, 'key:k');
  await a.flush();
  await b.flush();
  // Each sync adds an instance's own counts and brings back the total of all instances.
  assert.equal((await count(a, 'key:k')).current, 8, 'before its next sync, a knows only its own requests');
  await a.flush();
  assert.equal((await count(a, 'key:k')).current, 12, 'after it: 7 + 3 from b + 1 + this one');
  await count(b, 'key:k');
  await b.flush();
  assert.equal((await count(b, 'key:k')).current, 13, 'b learns a’s requests on its next sync: 8 + 4 + this one');
  await Promise.all([a.close(), b.close()]);
});

test('with Redis unreachable the limit still holds locally and the error is reported', async () => {
  const closed = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  closed.on('error', () => {});
  const errors: Error[] = [];
  const store = new SharedCounterStore({ redis: closed, prefix: 'test:rl:down:', onError: (e) => errors.push(e) });
  for (let i = 1; i <= 4; i++) assert.equal((await count(store, 'ip:9')).current, i);
  await store.flush();
  assert.ok(errors.length > 0, 'the failed sync is reported');
  assert.equal((await count(store, 'ip:9')).current, 5, 'nothing counted is lost');
  await store.close();
  closed.disconnect();
});
