// NEXT_PUBLIC_API_URL and NEXT_PUBLIC_TILES_URL choose where the site reads data and tiles, at request time:
// the defaults are the local server, the tiles follow the API unless set apart, and the Content-Security-Policy
// lets the browser reach exactly those origins (in Node, without building the site).
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { contentSecurityPolicy } from './csp.ts';
import { siteConfig } from './config.ts';

const VARIABLES = ['NEXT_PUBLIC_API_URL', 'NEXT_PUBLIC_TILES_URL', 'NEXT_PUBLIC_CDN_URL', 'NEXT_PUBLIC_SITE_URL'];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

function setEnv(values: Record<string, string | undefined>): void {
  for (const name of VARIABLES) delete process.env[name];
  for (const [name, value] of Object.entries(values)) if (value !== undefined) process.env[name] = value;
}

/** The origins the policy lets the page fetch from. */
function connectSources(): string[] {
  const directive = contentSecurityPolicy(false)
    .split('; ')
    .find((entry) => entry.startsWith('connect-src '));
  return directive!.split(' ').slice(1);
}

test('without variables: the local server for data, tiles and the CDN snippet', () => {
  setEnv({});
  const config = siteConfig();
  assert.equal(config.apiUrl, 'http://127.0.0.1:8787');
  assert.equal(config.tilesUrl, 'http://127.0.0.1:8787/tiles');
  assert.equal(config.cdnScriptUrl, 'http://127.0.0.1:8787/cdn/chronos.js');
  assert.deepEqual(connectSources(), ["'self'", 'http://127.0.0.1:8787']);
});

test('NEXT_PUBLIC_API_URL moves data, and the tiles with it unless NEXT_PUBLIC_TILES_URL is set', () => {
  setEnv({ NEXT_PUBLIC_API_URL: 'https://api.example.org/' });
  assert.equal(siteConfig().apiUrl, 'https://api.example.org');
  assert.equal(siteConfig().tilesUrl, 'https://api.example.org/tiles');
  assert.deepEqual(connectSources(), ["'self'", 'https://api.example.org']);

  setEnv({ NEXT_PUBLIC_API_URL: 'https://api.example.org', NEXT_PUBLIC_TILES_URL: 'https://tiles.example.net/v1' });
  assert.equal(siteConfig().tilesUrl, 'https://tiles.example.net/v1');
  assert.deepEqual(connectSources(), ["'self'", 'https://api.example.org', 'https://tiles.example.net']);
});

test('a variable that is not an http(s) URL is an error naming it', () => {
  setEnv({ NEXT_PUBLIC_TILES_URL: 'tiles.example.net' });
  assert.throws(() => siteConfig(), /NEXT_PUBLIC_TILES_URL must be an http\(s\) URL .*not "tiles\.example\.net"/);
});
