// The API client against a real HTTP server on this machine: retries, Retry-After, timeouts (before the
// headers and in the middle of a body), unreachable servers and the server's error messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChronosApiError, ChronosClient, clearCache, isAbortError } from './client.ts';
import { api, baseUrl, choropleth, client, type Handler, json, notFound, seen } from './testing/api-server.ts';

describe('retries', () => {
  test('a 500 is retried, then the success is returned', async () => {
    let calls = 0;
    api.handler = (_request, response) => {
      calls++;
      if (calls === 1) json(response, 500, { statusCode: 500, error: 'Internal Server Error', message: 'boom' });
      else json(response, 200, choropleth);
    };
    assert.deepEqual(await client().data({ metric: 'unemployment', geo: 'us-states' }), choropleth);
    assert.equal(seen.length, 2);
  });

  test('a 429 waits as long as Retry-After says', async () => {
    let calls = 0;
    api.handler = (_request, response) => {
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
    api.handler = (_request, response) =>
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
    api.handler = (_request, response) =>
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
    api.handler = (_request, response) =>
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
    api.handler = (request, response) => {
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
      api.handler = stalling;
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
    api.handler = (request, response, entry) =>
      seen.indexOf(entry) === 0 ? stallBody(request, response, entry) : json(response, 200, choropleth);
    assert.deepEqual(await client({ timeout: 100 }).metrics(), choropleth);
    assert.equal(seen.length, 2);
    clearCache();
    api.handler = stallBody;
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
    api.handler = (_request, response) => json(response, 404, notFound);
    await assert.rejects(client().data({ metric: 'unemploymnt', geo: 'us-states' }), (error: ChronosApiError) => {
      assert.ok(error instanceof ChronosApiError);
      assert.equal(error.status, 404);
      assert.equal(error.error, 'Not Found');
      assert.equal(error.message, 'unknown metric "unemploymnt"; valid: unemployment, median-income');
      return true;
    });
    assert.equal(seen.length, 1);
    api.handler = (_request, response) =>
      json(response, 400, { statusCode: 400, error: 'Bad Request', message: 'time must be latest or YYYY-MM' });
    await assert.rejects(client().data({ metric: 'unemployment', geo: 'us-states', time: 'soon' }), {
      message: 'time must be latest or YYYY-MM',
    });
    assert.equal(seen.length, 2);
  });

  test('an invalid JSON body is an InvalidResponse error; messages never show the API key', async () => {
    api.handler = (_request, response) => {
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
    api.handler = (_request, response) => {
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
