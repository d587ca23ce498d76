// The API client against a real HTTP server on this machine: request counts, retries, Retry-After,
// aborts, the page-wide cache and the server's error messages.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ChronosApiError, ChronosClient, clearCache, isAbortError, latest } from './client.ts';

interface Seen {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  at: number;
  /** Set when the client went away before the response was sent. */
  aborted: boolean;
}

type Handler = (request: IncomingMessage, response: ServerResponse, seen: Seen) => void;

let handler: Handler;
let seen: Seen[] = [];
let baseUrl = '';
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
  handler(request, response, entry);
});

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

const collection = { type: 'FeatureCollection', features: [] };
const choropleth = {
  metric: { id: 'unemployment', title: 'Unemployment rate', units: 'percent', frequency: 'monthly', sources: [] },
  time: '2024-03-01',
  values: [{ region: 'US-CA', name: 'California', value: 5.3, status: 'final' }],
  missing: ['CA-NU'],
};
const notFound = {
  statusCode: 404,
  error: 'Not Found',
  message: 'unknown metric "unemploymnt"; valid: unemployment, median-income',
};

const client = (options: Partial<ConstructorParameters<typeof ChronosClient>[0]> = {}) =>
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
  handler = (_request, response) => json(response, 200, choropleth);
});

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
    handler = (_request, response) => json(response, 200, { ok: true });
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
    handler = (_request, response) => setTimeout(() => json(response, 200, collection), 30);
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
    handler = (_request, response) => setTimeout(() => json(response, 200, collection), 50);
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
    handler = (_request, response) => {
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
    handler = (_request, response) => json(response, 404, notFound);
    await assert.rejects(client().boundaries({ geo: 'us-states' }), ChronosApiError);
    handler = (_request, response) => json(response, 200, collection);
    assert.deepEqual(await client().boundaries({ geo: 'us-states' }), collection);
    assert.equal(seen.length, 2);
  });
});

describe('superseded requests', () => {
  test('a newer data() call on the same client aborts the older one', async () => {
    handler = (_request, response, entry) => {
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
    handler = (_request, response, entry) =>
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

describe('retries', () => {
  test('a 500 is retried, then the success is returned', async () => {
    let calls = 0;
    handler = (_request, response) => {
      calls++;
      if (calls === 1) json(response, 500, { statusCode: 500, error: 'Internal Server Error', message: 'boom' });
      else json(response, 200, choropleth);
    };
    assert.deepEqual(await client().data({ metric: 'unemployment', geo: 'us-states' }), choropleth);
    assert.equal(seen.length, 2);
  });

  test('a 429 waits as long as Retry-After says', async () => {
    let calls = 0;
    handler = (_request, response) => {
      calls++;
      if (calls === 1) {
        json(
          response,
          429,
          { statusCode: 429, error: 'Too Many Requests', message: 'slow down' },
          { 'retry-after': '1' },
        );
      } else json(response, 200, choropleth);
    };
    assert.deepEqual(await client().data({ metric: 'unemployment', geo: 'us-states' }), choropleth);
    assert.equal(seen.length, 2);
    assert.ok(seen[1]!.at - seen[0]!.at >= 950, `retried after ${seen[1]!.at - seen[0]!.at} ms`);
  });

  test('a Retry-After longer than the client will wait fails at once with the server message', async () => {
    handler = (_request, response) =>
      json(
        response,
        429,
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Rate limited (3 requests per minute for this key), retry in 120 s.',
          code: 'rate_limited',
        },
        { 'retry-after': '120' },
      );
    await assert.rejects(client().data({ metric: 'unemployment', geo: 'us-states' }), {
      name: 'ChronosApiError',
      status: 429,
      message: 'Rate limited (3 requests per minute for this key), retry in 120 s.',
      code: 'rate_limited',
      retryAfter: 120,
    });
    assert.equal(seen.length, 1);
  });

  test("a 403 refusal is not retried and carries the server's code and message for the page", async () => {
    handler = (_request, response) =>
      json(response, 403, {
        statusCode: 403,
        error: 'Forbidden',
        message:
          'This key (pk_abcdefgh…) is not allowed on https://news.example: it is bound to https://other.example.',
        code: 'origin_not_allowed',
      });
    await assert.rejects(client().data({ metric: 'unemployment', geo: 'us-states' }), {
      name: 'ChronosApiError',
      status: 403,
      error: 'Forbidden',
      code: 'origin_not_allowed',
      retryAfter: undefined,
      message: /not allowed on https:\/\/news\.example/,
    });
    assert.equal(seen.length, 1);
  });

  test('at most 2 retries: a server that keeps failing costs 3 requests and reports its message', async () => {
    handler = (_request, response) =>
      json(response, 503, { statusCode: 503, error: 'Service Unavailable', message: 'database is down' });
    await assert.rejects(client().data({ metric: 'unemployment', geo: 'us-states' }), {
      status: 503,
      error: 'Service Unavailable',
      message: 'database is down',
    });
    assert.equal(seen.length, 3);
  });

  test('a dropped connection is retried', async () => {
    let calls = 0;
    handler = (request, response) => {
      calls++;
      if (calls === 1) request.socket.destroy();
      else json(response, 200, choropleth);
    };
    assert.deepEqual(await client().data({ metric: 'unemployment', geo: 'us-states' }), choropleth);
    assert.equal(seen.length, 2);
  });

  /** Sends the headers and the start of the body, then nothing more. */
  const stallBody: Handler = (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"metrics": [');
  };

  for (const [stall, stalling] of [
    ['never answers', () => {}],
    ['stalls in the middle of the body', stallBody],
  ] as const) {
    test(`a server that ${stall} times out, is retried, then reported`, async () => {
      handler = stalling;
      await assert.rejects(client({ timeout: 100, retries: 1 }).metrics(), (error: ChronosApiError) => {
        assert.equal(error.status, 0);
        assert.equal(error.error, 'NetworkError');
        assert.match(error.message, /could not reach the Chronos API at .* \(no answer within 100 ms\)/);
        return true;
      });
      assert.equal(seen.length, 2);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(
        seen.every((entry) => entry.aborted),
        'both attempts were abandoned, not left open',
      );
    });
  }

  test('a body that stalls once is fetched again; a caller abort during a stalled body is not retried', async () => {
    handler = (request, response, entry) =>
      seen.indexOf(entry) === 0 ? stallBody(request, response, entry) : json(response, 200, choropleth);
    assert.deepEqual(await client({ timeout: 100 }).metrics(), choropleth);
    assert.equal(seen.length, 2);
    clearCache();
    handler = stallBody;
    const caller = new AbortController();
    const pending = client({ timeout: 5_000 }).metrics({ signal: caller.signal });
    setTimeout(() => caller.abort(), 100);
    await assert.rejects(pending, (error) => isAbortError(error));
    assert.equal(seen.length, 3, 'no retry after the caller gave up');
  });

  test('an unreachable server becomes a NetworkError naming it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new ChronosClient({ baseUrl: `http://127.0.0.1:${port}`, retryDelay: 5 });
    await assert.rejects(unreachable.metrics(), (error: ChronosApiError) => {
      assert.ok(error instanceof ChronosApiError);
      assert.equal(error.status, 0);
      assert.equal(error.error, 'NetworkError');
      assert.match(error.message, new RegExp(`could not reach the Chronos API at http://127.0.0.1:${port}`));
      return true;
    });
  });

  test('4xx is never retried; the 404 carries the server message', async () => {
    handler = (_request, response) => json(response, 404, notFound);
    await assert.rejects(client().data({ metric: 'unemploymnt', geo: 'us-states' }), (error: ChronosApiError) => {
      assert.ok(error instanceof ChronosApiError);
      assert.equal(error.status, 404);
      assert.equal(error.error, 'Not Found');
      assert.equal(error.message, 'unknown metric "unemploymnt"; valid: unemployment, median-income');
      return true;
    });
    assert.equal(seen.length, 1);
    handler = (_request, response) =>
      json(response, 400, { statusCode: 400, error: 'Bad Request', message: 'time must be latest or YYYY-MM' });
    await assert.rejects(client().data({ metric: 'unemployment', geo: 'us-states', time: 'soon' }), {
      message: 'time must be latest or YYYY-MM',
    });
    assert.equal(seen.length, 2);
  });

  test('an invalid JSON body is an InvalidResponse error; messages never show the API key', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"metric": ');
    };
    await assert.rejects(client({ apiKey: 'pk_secretish' }).metrics(), (error: ChronosApiError) => {
      assert.equal(error.error, 'InvalidResponse');
      assert.equal(error.message, `the Chronos API sent an unreadable response for ${baseUrl}/api/metrics`);
      assert.doesNotMatch(`${error.message} ${error.url}`, /pk_secretish/);
      return true;
    });
  });

  test('an error without a JSON body still says what happened', async () => {
    handler = (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<h1>Bad gateway</h1>');
    };
    await assert.rejects(client({ retries: 0 }).metrics(), (error: ChronosApiError) => {
      assert.equal(error.status, 502);
      assert.equal(error.message, `the Chronos API answered 502 Bad Gateway for ${baseUrl}/api/metrics`);
      return true;
    });
  });
});
