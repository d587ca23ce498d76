// The cached-hit fast path's answers (cached-hits.ts), each header list built once: for one cache entry,
// what the normal path sends for a given origin, encoding and revalidation (the API's security headers,
// CORS for that origin, then the cached reply's own headers, send.ts) becomes one flat list written with
// one writeHead and one end. Built per request through Fastify's reply, a hit cost a dozen header calls
// and the send path's checks (bench/README.md: app JavaScript ~1.6× the bare route's, Reply.header
// alone 58 vs 21 ms per 30k requests).
// The lists are recorded from the very code the normal path runs (helmet's API_HEADERS,
// addApiCorsHeaders, sendCached) on a reply that records what is set, plus what Fastify's send adds (the
// body's content-length): the same headers in the same order by construction, and
// test/routes/cached-hits.test.ts compares every answer whole. The request id is the one value that
// differs per request; it is the only header an earlier hook (errors.ts) has set when the fast path runs,
// which the first recording checks on the real reply (else hits go through Fastify's send, as before).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedResponse } from '../../cache/response-cache.ts';
import { etagMatches, negotiateEncoding } from '../../cache/response-cache.ts';
import { sendCached } from '../../cache/send.ts';
import { addApiCorsHeaders } from '../external/cors.ts';
import { API_HEADERS } from '../external/helmet.ts';

interface Answer {
  status: number;
  /** name, value, name, value…; the first pair is the request id, its value written per request. */
  headers: string[];
  body: Buffer | undefined;
}

const ENCODINGS = { br: 0, gzip: 2, identity: 4 } as const;
/** Distinct origins remembered per entry (an allowed origin, or any origin a key is bound to). */
const MAX_ORIGINS = 64;
/** Answers remembered in all (~0.8 kB each: ~7 MB), emptied when full like the route cache's URLs. An
 * allowed origin is whatever a key bound to `https://*.example.com`, or the request's own Host, accepts,
 * so a client can send any number of them, to every entry: per entry alone, 100,000 hits with distinct
 * origins held 84 MB (test/plugins/cached-answers.test.ts), growing with the entries the cache holds. */
const MAX_ANSWERS = 8_192;
/** A longer origin (any up to the 16 kB header limit) is answered from a list recorded for it, not kept. */
const MAX_KEPT_ORIGIN_LENGTH = 256;

/** One app's answers (the plugin makes one): `send` is the fast path's way to send a hit (route-cache.ts). */
export class CachedAnswers {
  /** Per entry, per origin ('' for none): six answers, [encoding + 1 if revalidated], built when first sent. */
  #answers = new WeakMap<CachedResponse, Map<string, (Answer | undefined)[]>>();
  /** Answers recorded into #answers since it was last emptied (also those since dropped: an entry gone, or
   * its origins cleared), so it is emptied at most that much sooner. */
  #recorded = 0;
  /** Whether the request id is the only header set before the fast path: checked on the first answer. */
  #onlyRequestIdBefore: boolean | undefined;

  /** Answers an allowed, unshed, counted hit whole (the hooks that set its other headers were skipped). */
  readonly send = (request: FastifyRequest, reply: FastifyReply, entry: CachedResponse, cacheControl: string) => {
    this.#onlyRequestIdBefore ??= isOnlyRequestId(reply, request.id);
    if (!this.#onlyRequestIdBefore) {
      reply.headers(API_HEADERS);
      addApiCorsHeaders(request, reply);
      return sendCached(request, reply, entry, cacheControl);
    }
    const origin = request.headers.origin || '';
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    const revalidated = etagMatches(request.headers['if-none-match'], entry.etag);
    if (origin.length > MAX_KEPT_ORIGIN_LENGTH) {
      return write(request, reply, record(entry, cacheControl, origin, encoding, revalidated));
    }
    if (this.#recorded >= MAX_ANSWERS) {
      this.#answers = new WeakMap();
      this.#recorded = 0;
    }
    let byOrigin = this.#answers.get(entry);
    if (byOrigin === undefined) {
      byOrigin = new Map();
      this.#answers.set(entry, byOrigin);
    }
    let slots = byOrigin.get(origin);
    if (slots === undefined) {
      if (byOrigin.size >= MAX_ORIGINS) byOrigin.clear();
      slots = [];
      byOrigin.set(origin, slots);
    }
    const slot = ENCODINGS[encoding] + (revalidated ? 1 : 0);
    let answer = slots[slot];
    if (answer === undefined) {
      answer = record(entry, cacheControl, origin, encoding, revalidated);
      slots[slot] = answer;
      this.#recorded++;
    }
    return write(request, reply, answer);
  };
}

/** Sends an answer with this request's id. */
function write(request: FastifyRequest, reply: FastifyReply, answer: Answer): FastifyReply {
  // writeHead turns the list into the header block at once (validating it, as for any response).
  answer.headers[1] = request.id;
  const raw = reply.raw;
  raw.writeHead(answer.status, answer.headers);
  raw.end(answer.body);
  return reply;
}

function isOnlyRequestId(reply: FastifyReply, id: string): boolean {
  const set = Object.entries(reply.getHeaders());
  return set.length === 1 && set[0]![0] === 'x-request-id' && set[0]![1] === id;
}

/** What the normal path sets for this answer, recorded: header names lower-cased as Fastify's reply does. */
function record(
  entry: CachedResponse,
  cacheControl: string,
  origin: string,
  encoding: string,
  revalidated: boolean,
): Answer {
  const headers: Record<string, string> = { 'x-request-id': '' };
  let status = 200;
  let body: Buffer | undefined;
  const reply = {
    header(name: string, value: string) {
      headers[name.toLowerCase()] = value;
      return reply;
    },
    headers(set: Readonly<Record<string, string>>) {
      for (const [name, value] of Object.entries(set)) reply.header(name, value);
      return reply;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    code(code: number) {
      status = code;
      return reply;
    },
    send(payload?: Buffer) {
      body = payload;
      return reply;
    },
  };
  const request = {
    headers: {
      ...(origin ? { origin } : {}),
      'accept-encoding': encoding,
      ...(revalidated ? { 'if-none-match': `"${entry.etag}"` } : {}),
    },
  };
  reply.headers(API_HEADERS);
  addApiCorsHeaders(request as FastifyRequest, reply as unknown as FastifyReply);
  sendCached(request as FastifyRequest, reply as unknown as FastifyReply, entry, cacheControl);
  // Fastify's send adds the length of a body (none on a 304).
  if (body !== undefined) headers['content-length'] = String(body.byteLength);
  return { status, headers: Object.entries(headers).flat(), body };
}
