// Key verdicts survive a database outage for a bounded time: within KEY_STALE_SECONDS the last verdict
// answers (and a fresh one is read behind it once the database is back); past it, the key cannot be
// verified and the caller gets DatabaseUnavailableError (a 503), never a guess.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDb, DatabaseUnavailableError, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createKey, KeyStore, revokeKey } from '../../src/security/keys.ts';
import { createTestDatabase, poll, startTcpProxy, type TcpProxy, type TestDatabase } from '../helpers.ts';

let database: TestDatabase;
let proxy: TcpProxy;
let db: Db;
before(async () => {
  database = await createTestDatabase();
  proxy = await startTcpProxy();
  db = await createDb({ databaseUrl: proxy.through(database.url), poolMax: 2 });
  await migrate(db);
});
after(async () => {
  await db.close();
  await proxy.close();
  await database.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('database down: the last verdict answers within the stale window, and none past it', async () => {
  const { key, record } = await createKey(db, { label: 'k', origins: ['https://a.example'], rateLimit: 10 });
  const unknown = `pk_${'c'.repeat(32)}`;
  const lasting = new KeyStore(db, { freshMs: 100, staleMs: 3_600_000 });
  const brief = new KeyStore(db, { freshMs: 100, staleMs: 0 });
  for (const store of [lasting, brief]) {
    assert.equal((await store.find(key))?.id, record.id);
    assert.equal(await store.find(unknown), null);
  }
  await proxy.stop();
  try {
    await pause(500); // past freshMs (and past fresh + stale for `brief`)
    assert.equal((lasting.find(key) as { id: string } | null)?.id, record.id, 'known key still verified');
    assert.equal(lasting.find(unknown), null, 'unknown key still unknown (negative verdicts last too)');
    await assert.rejects(Promise.resolve(brief.find(key)), DatabaseUnavailableError);
  } finally {
    await proxy.start();
  }
  // Back up: a revocation reaches the long-lived store through its re-read behind the answer.
  await revokeKey(db, record.id);
  await poll('the revocation to be read', 60, async () => {
    const found = lasting.find(key);
    return (found instanceof Promise ? await found : found)?.revokedAt ? true : undefined;
  });
});
