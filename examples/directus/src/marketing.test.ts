// The marketing site end to end, as editors and visitors meet it: a real Directus (SQLite, temp dir) set up
// and seeded, the real Chronos API (test backend), and the flagship Next.js app built and started against
// both. The page shows the editor's blocks and a live map that loads in Chromium; a draft stays private
// (except in preview); publishing in Directus refreshes the site through the flow; with Directus stopped
// the site still serves its pages.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CHROMIUM_ARGS, chromiumPath } from '@chronos/devkit/chromium';
import { freePort, step } from '@chronos/devkit/processes';
import { ensureSiteBuilt, siteDir, siteEnv } from '@chronos/nextjs/cached-build';
import { type Backend, startBackend } from '@chronos/test-support/backend';
import puppeteer, { type Browser } from 'puppeteer-core';
import { type ProjectOptions, setupProject } from './project.ts';
import {
  DEFAULT_ADMIN_EMAIL,
  DEFAULT_ADMIN_PASSWORD,
  ensureInstalled,
  type RunningDirectus,
  startDirectus,
} from './runtime.ts';

/** This suite's build of the site, apart from the cached one in .next that npm start and the flagship tests use. */
const DIST_DIR = '.next-directus-test';
const secrets = { revalidate: 'revalidate-secret-for-tests', preview: 'preview-secret-for-tests' };

let backend: Backend;
let dataDir: string;
let project: ProjectOptions;
let directus: RunningDirectus;
let site: { url: string; stop(): Promise<void>; output(): string };
let browser: Browser;

/** `next start` in its own process group; resolves once `/` answers. */
async function startSite(port: number, env: NodeJS.ProcessEnv): Promise<typeof site> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: siteDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    await exit;
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited:\n${output.slice(-4000)}`);
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not serve ${url}/ within 180 s:\n${output.slice(-4000)}`);
}

async function page(path: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string }> {
  const response = await fetch(`${site.url}${path}`, { headers });
  return { status: response.status, html: await response.text() };
}

/** Polls a page until `check` holds (the flow and the rebuild run in the background); generous on a busy machine. */
async function eventually(path: string, check: (html: string, status: number) => boolean): Promise<string> {
  const deadline = Date.now() + 120_000;
  let last = { status: 0, html: '' };
  while (Date.now() < deadline) {
    last = await page(path);
    if (check(last.html, last.status)) return last.html;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(
    `${path} did not change within 120 s (last status ${last.status}); site output:\n${site.output().slice(-3000)}`,
  );
}

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const login = await fetch(`${directus.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEFAULT_ADMIN_EMAIL, password: DEFAULT_ADMIN_PASSWORD }),
  });
  const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
  const response = await fetch(`${directus.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return ((await response.json()) as { data: unknown }).data;
}

before(async () => {
  ensureInstalled();
  backend = await startBackend();
  dataDir = mkdtempSync(join(tmpdir(), 'chronos-directus-site-'));
  const sitePort = await freePort();
  project = {
    dataDir,
    port: await freePort(),
    database: { client: 'sqlite', file: join(dataDir, 'directus.db') },
    siteUrl: `http://127.0.0.1:${sitePort}`,
    revalidateSecret: secrets.revalidate,
    siteToken: 'site-token-for-tests',
    chronosApiUrl: backend.url,
  };
  await setupProject(project);
  directus = await startDirectus(project);
  // The packages the site consumes, built (cached: nothing to do after the flagship suite or npm start).
  await ensureSiteBuilt();
  const env = siteEnv({
    NEXT_DIST_DIR: DIST_DIR,
    DIRECTUS_URL: directus.url,
    DIRECTUS_TOKEN: project.siteToken,
    REVALIDATE_SECRET: secrets.revalidate,
    PREVIEW_SECRET: secrets.preview,
    NEXT_PUBLIC_API_URL: backend.url,
    NEXT_PUBLIC_SITE_URL: project.siteUrl,
  });
  const started = performance.now();
  await step('npx', ['next', 'build'], siteDir, env);
  process.stdout.write(`next build: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  site = await startSite(sitePort, env);
  browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await directus?.stop();
  await backend?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  rmSync(join(siteDir, DIST_DIR), { recursive: true, force: true });
});

test('the front pages show the blocks from Directus in the editor order, in English and French', async () => {
  const home = await page('/');
  assert.equal(home.status, 200);
  assert.match(home.html, /data-content-source="directus"/);
  const order = [
    'Regional statistics, mapped live',
    'Why Chronos',
    'Always current',
    '<chronos-choropleth',
    'Unemployment rate by state and province',
    'Chronos API',
  ];
  const positions = order.map((text) => home.html.indexOf(text));
  assert.ok(
    positions.every((position, index) => position > 0 && (index === 0 || position > positions[index - 1]!)),
    JSON.stringify(positions),
  );
  assert.match(home.html, /<chronos-choropleth[^>]* metric="unemployment"/);
  assert.match(home.html, /<title>Chronos — regional statistics, mapped live<\/title>/);
  const french = await page('/fr');
  assert.equal(french.status, 200);
  assert.match(french.html, /lang="fr"/);
  assert.match(french.html, /Les statistiques régionales, en carte et à jour/);
  assert.equal((await page('/about')).status, 200);
});

test('the map block draws a live map: chronos-load in Chromium, no chronos-error', async () => {
  const tab = await browser.newPage();
  try {
    await tab.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { chronosEvents: string[] }).chronosEvents = seen;
      for (const type of ['chronos-load', 'chronos-error']) window.addEventListener(type, () => seen.push(type));
    });
    await tab.goto(`${site.url}/`, { waitUntil: 'load', timeout: 120_000 });
    await tab.waitForFunction(() => (window as unknown as { chronosEvents: string[] }).chronosEvents.length > 0, {
      timeout: 120_000,
      polling: 100,
    });
    const events = await tab.evaluate(() => [...(window as unknown as { chronosEvents: string[] }).chronosEvents]);
    assert.deepEqual(events, ['chronos-load']);
  } finally {
    await tab.close();
  }
});

test('a draft is not public; preview shows it only with the secret', async () => {
  const draft = await page('/labour-market-outlook');
  assert.equal(draft.status, 404);
  assert.doesNotMatch(draft.html, /Work in progress/);
  const wrong = await fetch(`${site.url}/api/preview?secret=nope&path=/labour-market-outlook`, { redirect: 'manual' });
  assert.equal(wrong.status, 401);
  const preview = await fetch(`${site.url}/api/preview?secret=${secrets.preview}&path=/labour-market-outlook`, {
    redirect: 'manual',
  });
  assert.equal(preview.status, 307);
  const cookie = preview.headers
    .getSetCookie()
    .map((entry) => entry.split(';')[0])
    .join('; ');
  const previewed = await page('/labour-market-outlook', { cookie });
  assert.equal(previewed.status, 200);
  assert.match(previewed.html, /Work in progress/);
  assert.match(previewed.html, /Preview: draft, not public/);
  // Still private for everyone else.
  assert.equal((await page('/labour-market-outlook')).status, 404);
});

test('publishing in Directus refreshes the site through the flow', async () => {
  const filter = (slug: string) => encodeURIComponent(JSON.stringify({ slug: { _eq: slug }, locale: { _eq: 'en' } }));
  const [draft] = (await admin('GET', `/items/pages?filter=${filter('labour-market-outlook')}&fields=id`)) as {
    id: number;
  }[];
  await admin('PATCH', `/items/pages/${draft!.id}`, { status: 'published' });
  await eventually('/labour-market-outlook', (html, status) => status === 200 && html.includes('Work in progress'));
  // An edit of a block of a page that was built statically.
  const [home] = (await admin('GET', `/items/pages?filter=${filter('home')}&fields=id,blocks.id,blocks.type`)) as {
    blocks: { id: number; type: string }[];
  }[];
  const hero = home!.blocks.find((block) => block.type === 'hero')!;
  await admin('PATCH', `/items/pages_blocks/${hero.id}`, { heading: 'Maps that keep up with the data' });
  await eventually('/', (html) => html.includes('Maps that keep up with the data'));
});

test('with Directus stopped, the pages are still served', async () => {
  await directus.stop();
  const home = await page('/');
  assert.equal(home.status, 200);
  assert.match(home.html, /Maps that keep up with the data/);
  const about = await page('/about');
  assert.equal(about.status, 200);
  assert.match(about.html, /About Chronos/);
  const french = await page('/fr');
  assert.equal(french.status, 200);
  assert.match(french.html, /Les statistiques régionales/);
});
