// Scale-out as deployed: three `chronos-server serve` processes sharing one PostgreSQL and one Redis behind
// nginx (Debian's package, run here as this test's own process with deploy/nginx/chronos.conf). Each
// scheduled ingestion slot runs on exactly one instance, and every instance then serves the new data;
// a publishable key's rate limit is counted across instances; one instance SIGKILLed under load costs
// no failed GET (nginx retries on the next instance).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createKey } from '../../src/security/keys.ts';
import { closedPort, poll, DATA_URL, REDIS_URL } from '../helpers.ts';
import { createTestDatabase, type TestDatabase } from '../jobs/helpers.ts';
import { type ReplayServer, startReplayServer } from '../../src/testing/replay-server.ts';

const serverDir = join(import.meta.dirname, '..', '..');
const cli = join(serverDir, 'src', 'cli.ts');
const nginxConf = join(serverDir, '..', 'deploy', 'nginx', 'chronos.conf');
const nginxPath = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].find(
  (path) => path && existsSync(path),
);
/** Values from a month the StatCan replay history (2020-01 … 2021-12) and the samples (from 2021-10) both cover: samples before the first run, StatCan's after. */
const URL_2021_11 = `${DATA_URL}&time=2021-11`;
const SLOT_SECONDS = 10;

interface DataBody {
  values: { region: string; value: number | null; status: string }[];
}
/** Ontario's value: a sample until Statistics Canada's data arrives. */
const ontario = (body: DataBody) => body.values.find((value) => value.region === 'CA-ON');

const answers = (url: string) =>
  fetch(url).then(
    (response) => response.body?.cancel().then(() => response.ok) ?? response.ok,
    () => false,
  );

interface Instance {
  port: number;
  process: ChildProcess;
  stderr: string;
}

describe('three instances behind nginx on one PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let replay: ReplayServer;
  let dir: string;
  let nginx: ChildProcess | undefined;
  let nginxUrl: string;
  let key: string;
  const instances: Instance[] = [];

  before(async () => {
    assert.ok(nginxPath, 'nginx is not installed (npm test provisions it: apt-get install nginx), or set NGINX_PATH');
    database = await createTestDatabase('postgres');
    replay = await startReplayServer();
    // Statistics Canada "in maintenance" at first: each slot's run is recorded (rescheduled) but changes nothing.
    replay.maintenance = true;
    key = (await createKey(database.db, { label: 'scale-out', origins: ['https://news.example.com'], rateLimit: 20 }))
      .key;
    dir = mkdtempSync(join(tmpdir(), 'chronos-scale-'));
    for (let i = 0; i < 3; i++) {
      const port = await closedPort();
      const child = spawn(process.execPath, [cli, 'serve'], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          PORT: String(port),
          DATABASE_URL: database.url!,
          REDIS_URL,
          TRUST_PROXY: '1',
          DATA_VERSION_POLL_MS: '500',
          RATE_LIMIT_MAX: '1000000',
          RATE_LIMIT_WINDOW_MS: '600000',
          MAX_EVENT_LOOP_DELAY_MS: '30000',
          SCHEDULER: 'on',
          FRED_API_KEY: '',
          STATCAN_BASE_URL: replay.baseUrls.statcan,
          STATCAN_SCHEDULE: `*/${SLOT_SECONDS} * * * * *`,
          STATCAN_SCHEDULE_TZ: 'UTC',
          SCHEDULER_JITTER_MS: '0',
          STATCAN_RESCHEDULE_MS: '3600000',
          INGEST_TIMEOUT_MS: '2000',
          INGEST_BACKOFF_MS: '20',
          INGEST_BACKFILL_FROM: '2015-01',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const instance: Instance = { port, process: child, stderr: '' };
      child.stderr?.on('data', (chunk) => {
        instance.stderr += chunk;
      });
      instances.push(instance);
    }
    for (const instance of instances) {
      await poll(`instance on ${instance.port} (${instance.stderr})`, 180, async () =>
        (await answers(`http://127.0.0.1:${instance.port}/api/health`)) ? true : undefined,
      );
    }

    const port = await closedPort();
    nginxUrl = `http://127.0.0.1:${port}`;
    let site = readFileSync(nginxConf, 'utf8').replace(/listen 80;/, `listen 127.0.0.1:${port};`);
    instances.forEach((instance, i) => {
      site = site.replace(`127.0.0.1:${8787 + i} `, `127.0.0.1:${instance.port} `);
    });
    writeFileSync(join(dir, 'chronos.conf'), site);
    mkdirSync(join(dir, 'temp'));
    writeFileSync(
      join(dir, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  log_format upstreams '$status "$request" $upstream_addr $upstream_status';
  access_log ${dir}/access.log upstreams;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  include ${dir}/chronos.conf;
}
`,
    );
    nginx = spawn(nginxPath!, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await poll('nginx', 30, async () => ((await answers(`${nginxUrl}/api/health`)) ? true : undefined));
  });

  after(async () => {
    nginx?.kill('SIGTERM');
    for (const instance of instances) instance.process.kill('SIGKILL');
    await database?.drop();
    await replay?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('each ingestion slot runs on one instance; then every instance serves the new data', async () => {
    const before = await Promise.all(
      instances.map(async ({ port }) => {
        const response = await fetch(`http://127.0.0.1:${port}${URL_2021_11}`);
        return { etag: response.headers.get('etag'), body: (await response.json()) as DataBody };
      }),
    );
    assert.ok(
      before.every(({ body }) => ontario(body)?.status === 'sample'),
      'sample data before any successful run',
    );

    replay.maintenance = false;
    await poll('a successful scheduled run', 60, async () => {
      const { rows } = await database.db.query(`select 1 from ingestion_runs where status = 'succeeded'`);
      return rows.length > 0 ? true : undefined;
    });
    // Every instance drops what it cached and answers from the new data (no request reaches it through
    // any other path: each is asked directly).
    const after = await Promise.all(
      instances.map(({ port }) =>
        poll(`instance ${port} to serve the new data`, 60, async () => {
          const response = await fetch(`http://127.0.0.1:${port}${URL_2021_11}`);
          const body = (await response.json()) as DataBody;
          return ontario(body)?.status === 'sample' ? undefined : response.headers.get('etag');
        }),
      ),
    );
    assert.equal(new Set(after).size, 1, `all instances serve the same bytes: ${after.join(' ')}`);
    assert.notEqual(after[0], before[0]!.etag);
    const fresh = (await (await fetch(`${nginxUrl}${URL_2021_11}`)).json()) as DataBody;
    assert.equal(ontario(fresh)?.value, replay.valueOf('2063949', '2021-11'));

    // Another slot after that one, so the election is seen more than once.
    const rows = await poll('a second slot', 60, async () => {
      const { rows } = await database.db.query<{ slot: number; runs: number }>(
        `select floor(extract(epoch from started_at) / ${SLOT_SECONDS})::int as slot, count(*)::int as runs
         from ingestion_runs where source = 'statcan' and finished_at is not null group by 1 order by 1`,
      );
      return rows.length >= 2 ? rows : undefined;
    });
    assert.deepEqual(
      rows.filter((row) => row.runs !== 1),
      [],
      'three schedulers fired every slot; one instance ran each',
    );
  });

  test("a publishable key's rate limit is counted across the three instances", async () => {
    const limit = 20;
    const statuses: number[] = [];
    const windowMs = 600_000;
    const firstWindow = Math.floor(Date.now() / windowMs);
    for (let i = 0; i < 3 * limit; i++) {
      const response = await fetch(`${nginxUrl}/api/metrics?key=${key}`, {
        headers: { origin: 'https://news.example.com' },
      });
      await response.body?.cancel();
      statuses.push(response.status);
      // Paced past the instances' Redis sync (100 ms), so on an idle machine the count is nearly exact.
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    const windows = Math.floor(Date.now() / windowMs) - firstWindow + 1;
    const allowed = statuses.filter((status) => status === 200).length;
    assert.deepEqual([...new Set(statuses)].sort(), [200, 429]);
    // Counted per instance, round-robin would allow 3 × 20 = 60. Shared counting allows the limit plus
    // what the other instances let through before their next sync: a few on an idle machine, more when
    // a loaded machine delays the sync timers, so the bound says "shared", not "idle".
    assert.ok(
      allowed >= limit && allowed < 2 * limit * windows,
      `${allowed} allowed for a limit of ${limit} (window(s): ${windows})`,
    );
  });

  test('one instance killed (SIGKILL) under load: no failed GET', async () => {
    const failures: string[] = [];
    let done = 0;
    let killedAt = Number.POSITIVE_INFINITY;
    const worker = async () => {
      while (done < killedAt + 600) {
        try {
          const response = await fetch(`${nginxUrl}${DATA_URL}`);
          await response.arrayBuffer();
          if (response.status !== 200) failures.push(`status ${response.status}`);
        } catch (error) {
          failures.push((error as Error).message);
        }
        done++;
        if (done === 300) {
          killedAt = done;
          instances[1]!.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.ok(instances[1]!.process.killed);
    assert.deepEqual(failures, [], `${failures.length} of ${done} requests failed`);
    // nginx met the dead instance and retried those requests on another (upstream list "a, b").
    const log = readFileSync(join(dir, 'access.log'), 'utf8');
    const retried = log.split('\n').filter((line) => line.includes(`127.0.0.1:${instances[1]!.port}, `));
    assert.ok(retried.length > 0, 'some requests were retried away from the killed instance');
  });
});
