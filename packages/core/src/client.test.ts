// The API client against a real HTTP server on this machine: what it asks for, the page-wide cache and
// superseded requests. Retries, timeouts and error messages are in client-retries.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChronosApiError, ChronosClient, isAbortError, latest } from './client.ts';
import { api, baseUrl, choropleth, client, collection, json, notFound, seen } from './testing/api-server.ts';

describe('requests', () => {
  test('data() asks for one period of values with the key as a query parameter and no custom header', async () => {
    const body = await client({ apiKey: 'pk_test_123' }).data({
      metric: 'unemployment',
      geo: ['us-states', ' ca-provinces'],
      time: '2024-03',
    });
    assert.deepEqual(body, choropleth);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.path, '/api/geo/choropleth');
    assert.deepEqual(Object.fromEntries(seen[0]!.query), {
      metric: 'unemployment',
      mode: 'data',
      geo: 'us-states,ca-provinces',
      time: '2024-03',
      key: 'pk_test_123',
    });
    // Only CORS-safelisted headers, so browsers send no preflight.
    assert.equal(seen[0]!.headers['x-api-key'], undefined);
    assert.equal(seen[0]!.headers.accept, 'application/json');
  });

  test('series() and metrics() use their routes; a base URL path prefix is kept', async () => {
    api.handler = (_request, response) => json(response, 200, { ok: true });
    const prefixed = new ChronosClient({ baseUrl: `${baseUrl}/chronos/`, retryDelay: 10 });
    await prefixed.series({ metric: 'median income', regions: 'US-CA,CA-ON', from: '2020-01', to: '2024-12' });
    await prefixed.metrics();
    assert.equal(seen[0]!.path, '/chronos/api/metrics/median%20income');
    assert.deepEqual(Object.fromEntries(seen[0]!.query), { region: 'US-CA,CA-ON', from: '2020-01', to: '2024-12' });
    assert.equal(seen[1]!.path, '/chronos/api/metrics');
  });

  test('a relative base URL needs a page to resolve against', () => {
    assert.throws(
      () => new ChronosClient({ baseUrl: '/chronos' }).url('/api/metrics', {}),
      /baseUrl "\/chronos" is relative/,
    );
  });
});

describe('page-wide cache', () => {
  test('N maps share one boundaries request, in flight and afterwards', async () => {
    api.handler = (_request, response) => setTimeout(() => json(response, 200, collection), 30);
    const maps = Array.from({ length: 5 }, () => client());
    const bodies = await Promise.all(maps.map((map) => map.boundaries({ geo: 'us-states,ca-provinces' })));
    assert.ok(bodies.every((body) => body === bodies[0]));
    await maps[0]!.boundaries({ geo: 'us-states,ca-provinces' });
    assert.equal(seen.length, 1);
    assert.deepEqual(Object.fromEntries(seen[0]!.query), {
      mode: 'boundaries',
      geo: 'us-states,ca-provinces',
      detail: 'medium',
      format: 'geojson',
    });
    await maps[1]!.boundaries({ geo: 'us-states,ca-provinces', detail: 'low' });
    assert.equal(seen.length, 2, 'another detail level is another request');
  });

  test('one map aborting does not cancel the request another map shares', async () => {
    api.handler = (_request, response) => setTimeout(() => json(response, 200, collection), 50);
    const leaving = new AbortController();
    const first = client().boundaries({ geo: 'us-states', signal: leaving.signal });
    const second = client().boundaries({ geo: 'us-states' });
    leaving.abort();
    await assert.rejects(first, (error) => isAbortError(error));
    assert.deepEqual(await second, collection);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.aborted, false);
  });

  test('when every caller aborts, the download stops and the next call starts afresh', async () => {
    // The first request is held until the client goes away (no race with a timer on a busy machine).
    api.handler = (_request, response) => {
      if (seen.length > 1) json(response, 200, collection);
    };
    const controller = new AbortController();
    const pending = client().boundaries({ geo: 'ca-provinces', signal: controller.signal });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await assert.rejects(pending, (error) => isAbortError(error));
    // The server notices the closed connection when the socket closes; wait for that, however long it takes.
    while (!seen[0]!.aborted) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(seen[0]!.aborted, true, 'the server saw the client go away');
    assert.deepEqual(await client().boundaries({ geo: 'ca-provinces' }), collection);
    assert.equal(seen.length, 2);
  });

  test('a failed request is not cached: asking again asks the server again', async () => {
    api.handler = (_request, response) => json(response, 404, notFound);
    await assert.rejects(client().boundaries({ geo: 'us-states' }), ChronosApiError);
    api.handler = (_request, response) => json(response, 200, collection);
    assert.deepEqual(await client().boundaries({ geo: 'us-states' }), collection);
    assert.equal(seen.length, 2);
  });
});

describe('superseded requests', () => {
  test('a newer data() call on the same client aborts the older one', async () => {
    api.handler = (_request, response, entry) => {
      const delay = entry.query.get('time') === '2024-01' ? 200 : 10;
      setTimeout(() => json(response, 200, { ...choropleth, time: `${entry.query.get('time')}-01` }), delay);
    };
    const map = client();
    const older = map.data({ metric: 'unemployment', geo: 'us-states', time: '2024-01' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const newer = map.data({ metric: 'unemployment', geo: 'us-states', time: '2024-02' });
    await assert.rejects(older, (error) => isAbortError(error));
    assert.equal((await newer).time, '2024-02-01');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(seen[0]!.aborted, true);
    // Another map's data() is not affected by this one's.
    const other = client();
    const [a, b] = await Promise.all([
      map.data({ metric: 'unemployment', geo: 'us-states', time: '2024-03' }),
      other.data({ metric: 'unemployment', geo: 'ca-provinces', time: '2024-03' }),
    ]);
    assert.equal(a.time, '2024-03-01');
    assert.equal(b.time, '2024-03-01');
  });

  test('superseding also works in browsers without AbortSignal.any', async (t) => {
    const original = Object.getOwnPropertyDescriptor(AbortSignal, 'any')!;
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true });
    t.after(() => Object.defineProperty(AbortSignal, 'any', original));
    api.handler = (_request, response, entry) =>
      setTimeout(() => json(response, 200, { ...choropleth, time: `${entry.query.get('time')}-01` }), 50);
    const map = client();
    const older = map.data({ metric: 'unemployment', geo: 'us-states', time: '2023-01' });
    const newer = map.data({ metric: 'unemployment', geo: 'us-states', time: '2023-02' });
    await assert.rejects(older, (error) => isAbortError(error));
    assert.equal((await newer).time, '2023-02-01');
  });

  test('latest() aborts the previous call of the wrapped function', async () => {
    const signals: AbortSignal[] = [];
    const run = latest(async (signal: AbortSignal, n: number) => {
      signals.push(signal);
      return n;
    });
    await run(1);
    await run(2);
    assert.deepEqual(
      signals.map((signal) => signal.aborted),
      [true, false],
    );
  });
});
