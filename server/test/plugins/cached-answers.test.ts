// The cached-hit fast path's recorded answers (src/plugins/app/cached-answers.ts) stay within a fixed
// amount of memory whatever clients send: an allowed origin is anything a public key with a wildcard
// origin (`https://*.example.com`) or the request's own Host accepts, so a client can send as many
// distinct allowed origins as it likes, to every URL the cache holds. Measured on the heap after full
// collections, with the entries held as the response cache holds them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedResponse } from '../../src/cache/response-cache.ts';
import { DATA_CACHE_CONTROL } from '../../src/cache/send.ts';
import { CachedAnswers } from '../../src/plugins/app/cached-answers.ts';
import { collectGarbage } from '../helpers.ts';

async function heapAfterCollection(): Promise<number> {
  await collectGarbage();
  return process.memoryUsage().heapUsed;
}

function entry(index: number): CachedResponse {
  const body = Buffer.from(`{"values":[${index}]}`);
  return { etag: `etag-${index}`, contentType: 'application/json', identity: body, gzip: body, br: body };
}

/** A request as the fast path sees it: its headers as Node parsed them (flat, distinct strings). */
function hit(answers: CachedAnswers, cached: CachedResponse, origin: string, acceptEncoding: string): number {
  const id = 'request-id';
  let status = 0;
  const request = {
    id,
    headers: { origin: Buffer.from(origin).toString('latin1'), 'accept-encoding': acceptEncoding },
  };
  const reply = {
    getHeaders: () => ({ 'x-request-id': id }),
    raw: {
      writeHead: (code: number) => {
        status = code;
      },
      end: () => {},
    },
  };
  answers.send(request as unknown as FastifyRequest, reply as unknown as FastifyReply, cached, DATA_CACHE_CONTROL);
  return status;
}

test('100,000 distinct allowed origins over 2,000 cached URLs leave the heap within a few megabytes', async () => {
  const answers = new CachedAnswers();
  const entries = Array.from({ length: 2_000 }, (_, index) => entry(index));
  // Warm up (first recording, the module's own allocations) before measuring.
  hit(answers, entries[0]!, 'https://warm.example.com', 'gzip');
  const before = await heapAfterCollection();
  let answered = 0;
  for (let i = 0; i < 100_000; i++) {
    const cached = entries[i % entries.length]!;
    const origin = `https://client-${i.toString(36).padStart(12, '0')}.example.com`;
    if (hit(answers, cached, origin, i % 2 ? 'gzip, deflate, br' : 'gzip') === 200) answered++;
  }
  const grown = (await heapAfterCollection()) - before;
  // The answers and entries still held (as the app holds them) when the heap is measured.
  assert.equal(hit(answers, entries[0]!, 'https://warm.example.com', 'gzip'), 200);
  assert.equal(new Set(entries).size, 2_000);
  assert.equal(answered, 100_000);
  assert.ok(grown < 16 * 1024 * 1024, `the heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB`);
});

test('long origins (up to the 16 kB header limit) over 2,000 cached URLs are answered, and not kept', async () => {
  const answers = new CachedAnswers();
  const entries = Array.from({ length: 2_000 }, (_, index) => entry(index));
  hit(answers, entries[0]!, 'https://warm.example.com', 'gzip');
  const before = await heapAfterCollection();
  for (const [i, cached] of entries.entries()) {
    const origin = `https://${'x'.repeat(8_000)}-${i}.example.com`;
    assert.equal(hit(answers, cached, origin, 'br'), 200);
  }
  const grown = (await heapAfterCollection()) - before;
  assert.equal(hit(answers, entries[0]!, 'https://warm.example.com', 'gzip'), 200);
  assert.equal(new Set(entries).size, 2_000);
  assert.ok(grown < 4 * 1024 * 1024, `the heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB`);
});
