// The response cache under many distinct URLs: memory stays within what it is allowed (counted in real
// bytes), so the process never reaches the load-shedding limit and every request is answered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, collectGarbage, type TestApp } from '../helpers.ts';

const CACHE_MB = 8;
let t: TestApp;
before(async () => {
  // Load shedding at its production setting for memory: a cache that over-holds would trip it.
  t = await buildTestApp('postgres', {
    redis: false,
    env: { CACHE_MEMORY_MB: String(CACHE_MB), MAX_RSS_MB: '1024', RATE_LIMIT_MAX: '100000' },
  });
});
after(() => t.close());

test('20,000 distinct valid URLs: array buffers bounded by the cache size, no 503', async (context) => {
  const regions = [...t.app.catalog.regions.keys()].slice(0, 30);
  const months: string[] = [];
  for (let year = 2021; year <= 2025; year++) {
    for (let month = 1; month <= 12; month++) months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  const urls: string[] = [];
  outer: for (const region of regions) {
    for (let a = 0; a < months.length; a++) {
      for (let b = a; b < months.length; b++) {
        urls.push(`/api/metrics/unemployment?region=${region}&from=${months[a]}&to=${months[b]}`);
        if (urls.length === 20_000) break outer;
      }
    }
  }
  assert.equal(urls.length, 20_000);
  await collectGarbage();
  const before = process.memoryUsage().arrayBuffers;
  const statuses = new Map<number, number>();
  for (let i = 0; i < urls.length; i += 8) {
    const responses = await Promise.all(
      urls.slice(i, i + 8).map((url) => t.app.inject({ url, headers: { 'accept-encoding': 'br' } })),
    );
    for (const response of responses) statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  }
  assert.deepEqual([...statuses], [[200, 20_000]]);
  await collectGarbage();
  const grown = process.memoryUsage().arrayBuffers - before;
  context.diagnostic(`array buffers grew ${(grown / 2 ** 20).toFixed(1)} MiB`);
  assert.ok(
    grown < CACHE_MB * 2 ** 20 * 1.5,
    `array buffers grew ${(grown / 2 ** 20).toFixed(1)} MiB with a ${CACHE_MB} MiB cache`,
  );
});
