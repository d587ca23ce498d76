import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { PMTilesWriter } from './pmtiles/writer.ts';
import { CACHE_CONTROL, CONTENT_TYPE, corsRule, type PlannedObject, planUpload, upload } from './upload.ts';

const dir = mkdtempSync(join(tmpdir(), 'chronos-upload-'));
after(() => rmSync(dir, { recursive: true, force: true }));

before(async () => {
  for (const name of ['basemap', 'boundaries']) {
    const writer = new PMTilesWriter(join(dir, `${name}.pmtiles`));
    writer.addTile(0, 0, 0, new TextEncoder().encode(name));
    await writer.finish();
  }
});

const credentials = { R2_ACCOUNT_ID: 'acc123', R2_ACCESS_KEY_ID: 'key', R2_SECRET_ACCESS_KEY: 'secret' };

function capture() {
  let text = '';
  const out = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  });
  return { out, text: () => text };
}

describe('chronos-tiles upload', () => {
  test('--dry-run lists each archive with its key, size and headers, and prints the CORS rule; nothing is sent', async () => {
    const { out, text } = capture();
    const sent: PlannedObject[] = [];
    const code = await upload(['--bucket', 'chronos-tiles', '--prefix', 'tiles/v1/', '--dir', dir, '--dry-run'], {
      env: {},
      out,
      putter: {
        put: async (object) => {
          sent.push(object);
          return {};
        },
      },
    });
    assert.equal(code, 0);
    assert.deepEqual(sent, []);
    const printed = text();
    assert.match(printed, /dry run: would upload to r2:\/\/chronos-tiles\//);
    assert.match(
      printed,
      /basemap\.pmtiles → tiles\/v1\/basemap\.pmtiles \([\d,]+ bytes, Content-Type: application\/vnd\.pmtiles, Cache-Control: public, max-age=31536000, immutable\)/,
    );
    assert.match(printed, /boundaries\.pmtiles → tiles\/v1\/boundaries\.pmtiles/);
    assert.match(
      printed,
      /a real upload also needs: R2_ACCOUNT_ID \(or R2_ENDPOINT\), R2_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY/,
    );
    const cors = JSON.parse(printed.slice(printed.indexOf('['))) as ReturnType<typeof corsRule>;
    assert.deepEqual(cors, corsRule());
    assert.deepEqual(cors[0]!.AllowedMethods, ['GET', 'HEAD']);
    assert.deepEqual(cors[0]!.AllowedOrigins, ['*']);
    assert.deepEqual(cors[0]!.AllowedHeaders, ['Range', 'If-Match', 'If-None-Match']);
    // A PMTiles client reads the validator and the range it got back.
    assert.deepEqual(cors[0]!.ExposeHeaders, ['ETag', 'Content-Range', 'Content-Length', 'Accept-Ranges']);
  });

  test('a real upload puts every archive with the immutable cache header and the PMTiles content type', async () => {
    const { out, text } = capture();
    const sent: { object: PlannedObject; bucket: string }[] = [];
    await upload(['--bucket', 'chronos-tiles', '--dir', dir, '--origin', 'https://chronos.dev'], {
      env: credentials,
      out,
      putter: {
        put: async (object, bucket) => {
          sent.push({ object, bucket });
          return { etag: '"abc"' };
        },
      },
    });
    assert.deepEqual(
      sent.map(({ object, bucket }) => [bucket, object.key, object.contentType, object.cacheControl]),
      [
        ['chronos-tiles', 'basemap.pmtiles', CONTENT_TYPE, CACHE_CONTROL],
        ['chronos-tiles', 'boundaries.pmtiles', CONTENT_TYPE, CACHE_CONTROL],
      ],
    );
    assert.match(text(), /✓ basemap\.pmtiles ETag "abc"/);
    assert.match(text(), /"AllowedOrigins": \[\s+"https:\/\/chronos\.dev"\s+\]/);
  });

  test('through the real S3 client, each PUT carries Content-Type, Cache-Control and the archive bytes', async () => {
    const requests: { method?: string; url?: string; headers: Record<string, unknown>; bytes: number }[] = [];
    const server = createServer((request, response) => {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      request.on('end', () => {
        requests.push({ method: request.method, url: request.url, headers: request.headers, bytes });
        response.writeHead(200, { etag: '"etag-1"' });
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { out, text } = capture();
      await upload(['--bucket', 'chronos-tiles', '--dir', dir, '--endpoint', endpoint, '--only', 'boundaries'], {
        env: { R2_ACCESS_KEY_ID: 'key', R2_SECRET_ACCESS_KEY: 'secret' },
        out,
      });
      assert.equal(requests.length, 1);
      const [put] = requests;
      assert.equal(put!.method, 'PUT');
      assert.equal(put!.url?.split('?')[0], '/chronos-tiles/boundaries.pmtiles');
      assert.equal(put!.headers['content-type'], CONTENT_TYPE);
      assert.equal(put!.headers['cache-control'], CACHE_CONTROL);
      assert.match(String(put!.headers.authorization), /^AWS4-HMAC-SHA256 Credential=key\//);
      assert.equal(put!.bytes, statSync(join(dir, 'boundaries.pmtiles')).size);
      assert.match(text(), /✓ boundaries\.pmtiles ETag "etag-1"/);
    } finally {
      server.close();
    }
  });

  test('the endpoint comes from the account id; --hash-names gives content-addressed keys', () => {
    const plan = planUpload(['--bucket', 'b-1', '--dir', dir, '--only', 'basemap', '--hash-names'], credentials);
    assert.equal(plan.endpoint, 'https://acc123.r2.cloudflarestorage.com');
    assert.deepEqual(plan.missingCredentials, []);
    assert.equal(plan.objects.length, 1);
    assert.match(plan.objects[0]!.key, /^basemap\.[0-9a-f]{12}\.pmtiles$/);
  });

  test('bad arguments are refused with the problem and the valid choices, before any network', async () => {
    const reject = (args: string[], env: NodeJS.ProcessEnv, pattern: RegExp) =>
      assert.throws(() => planUpload(args, env), pattern);
    reject(['--dir', dir], {}, /no bucket: pass --bucket <name> or set R2_BUCKET/);
    reject(['--bucket', 'Bad_Name', '--dir', dir], {}, /bucket "Bad_Name" is not a valid R2 bucket name/);
    reject(
      ['--bucket', 'ok-bucket', '--dir', dir, '--prefix', '/abs'],
      {},
      /--prefix "\/abs" must be relative and end with "\/"/,
    );
    reject(
      ['--bucket', 'ok-bucket', '--dir', join(dir, 'missing')],
      {},
      /is not a directory; run `chronos-tiles build` first/,
    );
    reject(
      ['--bucket', 'ok-bucket', '--dir', dir, '--only', 'roads'],
      {},
      /roads\.pmtiles is not in .*; available: basemap\.pmtiles, boundaries\.pmtiles/,
    );
    reject(['--bucket', 'ok-bucket', '--dir', dir, '--bogus'], {}, /Unknown option '--bogus'/);
    writeFileSync(join(dir, 'fake.pmtiles'), 'not an archive');
    try {
      reject(
        ['--bucket', 'ok-bucket', '--dir', dir, '--only', 'fake'],
        {},
        /fake\.pmtiles is not a PMTiles v3 archive/,
      );
    } finally {
      rmSync(join(dir, 'fake.pmtiles'));
    }
    await assert.rejects(
      upload(['--bucket', 'ok-bucket', '--dir', dir], { env: {}, out: capture().out }),
      /missing credentials: set R2_ACCOUNT_ID \(or R2_ENDPOINT\), R2_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY/,
    );
  });
});
