// The one configuration door: every environment variable (the server's and the ingestion jobs', see
// jobs/settings.ts) is validated here, once, at start-up. Every variable is documented (with its default) in
// the repository's .env.example; a bad value stops the server with a message that names the variable, what
// is wrong and what is expected.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { type IngestSettings, ingestEnvFields, ingestSettingsFrom } from './jobs/settings.ts';
import { backupEnvFields } from './ops/backup-settings.ts';

/** The repository root (server/src/config.ts → ../..). */
export const repoRoot: string = resolve(import.meta.dirname, '..', '..');

const Port = Type.Integer({ minimum: 0, maximum: 65535 });
const Positive = Type.Integer({ minimum: 1 });

export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  PORT: Type.Integer({ ...Port, default: 8787 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  /** PostgreSQL (with PostGIS) connection string; unset = embedded PGlite under DATA_DIR. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** A read replica of DATABASE_URL for the API's reads (db/read-replica.ts); writes and migrations stay
   * on DATABASE_URL, and reads fall back to it while the replica is unreachable. */
  DATABASE_READ_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_MAX: Type.Integer({ ...Positive, default: 10 }),
  /** PostgreSQL statements running longer are cancelled (the request gets 503); 0 = no limit. */
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 10_000 }),
  /** At start-up, how long to keep retrying an unreachable database before giving up (exit 1). */
  DATABASE_START_RETRY_SECONDS: Type.Integer({ minimum: 0, default: 90 }),
  /** A publishable key's verdict is re-read from the database after this long (revocations apply). */
  KEY_CACHE_SECONDS: Type.Integer({ ...Positive, default: 30 }),
  /** While the database is down, a key's last known verdict is used for up to this long. */
  KEY_STALE_SECONDS: Type.Integer({ minimum: 0, default: 900 }),
  /** Unknown or malformed keys one address may present per rate-limit window (each unknown one costs a
   * database lookup); past it, 429. */
  UNKNOWN_KEY_MAX: Type.Integer({ ...Positive, default: 60 }),
  /** Where the embedded PGlite database lives; `memory://` keeps it in memory. */
  DATA_DIR: Type.String({ default: '.data/pglite', minLength: 1 }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  REDIS_COMMAND_TIMEOUT_MS: Type.Integer({ ...Positive, default: 250 }),
  CACHE_MEMORY_MB: Type.Integer({ ...Positive, default: 64 }),
  CACHE_TTL_SECONDS: Type.Integer({ ...Positive, default: 86_400 }),
  DATA_VERSION_POLL_MS: Type.Integer({ minimum: 0, default: 5_000 }),
  /** Comma-separated origins allowed without a publishable key (our own sites). */
  ALLOWED_ORIGINS: Type.String({ default: '' }),
  /** Allow any loopback origin (localhost, 127.0.0.1, [::1], any port) without a key. Default: on in
   * development and on the embedded store, off otherwise. */
  ALLOW_LOOPBACK_ORIGINS: Type.Optional(Type.Boolean()),
  RATE_LIMIT_MAX: Type.Integer({ ...Positive, default: 600 }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({ ...Positive, default: 60_000 }),
  /** Proxy hops in front of the server whose X-Forwarded-For is trusted (the client IP is that many hops
   * from the right); 0 = none: the client address is the TCP peer, and X-Forwarded-For is ignored. */
  TRUST_PROXY: Type.Integer({ minimum: 0, maximum: 10, default: 0 }),
  TILES_DIR: Type.String({ default: 'packages/tiles/dist', minLength: 1 }),
  CDN_DIR: Type.String({ default: 'packages/widgets/dist/cdn', minLength: 1 }),
  DEMO_PAGE: Type.String({ default: 'examples/html/index.html', minLength: 1 }),
  BOUNDARIES_FILE: Type.String({ default: 'server/data/boundaries.topo.json', minLength: 1 }),
  /** Load shedding (503) past this event-loop delay / resident memory; 0 = off. Default 1000 ms and
   * 1024 MB, but off when NODE_ENV=test: test machines run suites side by side, and a busy CPU is not
   * overload of the server under test (shedding tests set their own limits). */
  MAX_EVENT_LOOP_DELAY_MS: Type.Optional(Type.Integer({ minimum: 0 })),
  MAX_RSS_MB: Type.Optional(Type.Integer({ minimum: 0 })),
  SHUTDOWN_GRACE_MS: Type.Integer({ ...Positive, default: 10_000 }),
  SENTRY_DSN: Type.Optional(Type.String({ pattern: '^https?://' })),
  ...ingestEnvFields,
  /** Bearer token that opens /metrics to non-loopback scrapers in production (plugins/app/metrics.ts). */
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  ...backupEnvFields,
});

export type RawConfig = Static<typeof ConfigSchema>;

export interface Config
  extends Omit<RawConfig, 'ALLOWED_ORIGINS' | 'ALLOW_LOOPBACK_ORIGINS' | 'MAX_EVENT_LOOP_DELAY_MS' | 'MAX_RSS_MB'> {
  MAX_EVENT_LOOP_DELAY_MS: number;
  MAX_RSS_MB: number;
  ALLOWED_ORIGINS: string[];
  ALLOW_LOOPBACK_ORIGINS: boolean;
  /** Absolute paths resolved against the repository root. */
  paths: { dataDir: string | undefined; tilesDir: string; cdnDir: string; demoPage: string; boundariesFile: string };
  /** Ingestion (connectors, HTTP, schedule), from the variables of jobs/settings.ts. */
  ingest: IngestSettings;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment (or overrides, for tests) and returns the typed configuration. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw)) as Record<string, unknown>;
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const name = error.instancePath.replace(/^\//, '');
      return `- ${name}=${JSON.stringify(raw[name])}: ${error.message}`;
    });
    throw configError(lines);
  }
  const config = withDefaults as RawConfig;
  const origins = config.ALLOWED_ORIGINS.split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  const problems = origins
    .filter((origin) => !/^https?:\/\/[^/\s]+$/.test(origin))
    .map((origin) => `- ALLOWED_ORIGINS: "${origin}" is not an origin such as https://example.com`);
  const ingest = ingestSettingsFrom(config, config.NODE_ENV);
  problems.push(...ingest.problems);
  if (config.DATABASE_READ_URL && !config.DATABASE_URL) {
    problems.push(
      '- DATABASE_READ_URL: a read replica needs its primary in DATABASE_URL (writes and migrations go there)',
    );
  }
  if (problems.length > 0) throw configError(problems);
  const fromRoot = (path: string) => resolve(repoRoot, path);
  const embedded = !config.DATABASE_URL;
  return {
    ...config,
    ALLOWED_ORIGINS: origins,
    ALLOW_LOOPBACK_ORIGINS: config.ALLOW_LOOPBACK_ORIGINS ?? (config.NODE_ENV === 'development' || embedded),
    MAX_EVENT_LOOP_DELAY_MS: config.MAX_EVENT_LOOP_DELAY_MS ?? (config.NODE_ENV === 'test' ? 0 : 1_000),
    MAX_RSS_MB: config.MAX_RSS_MB ?? (config.NODE_ENV === 'test' ? 0 : 1_024),
    paths: {
      dataDir: config.DATA_DIR === 'memory://' ? undefined : fromRoot(config.DATA_DIR),
      tilesDir: fromRoot(config.TILES_DIR),
      cdnDir: fromRoot(config.CDN_DIR),
      demoPage: fromRoot(config.DEMO_PAGE),
      boundariesFile: fromRoot(config.BOUNDARIES_FILE),
    },
    ingest: ingest.settings,
  };
}

function configError(lines: string[]): ConfigError {
  return new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

/** Reads `.env` at the repository root into process.env (variables already set win). */
export function loadDotEnv(): void {
  const file = join(repoRoot, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
