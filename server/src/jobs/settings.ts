// Ingestion settings from the environment (documented in .env.example), validated like the server's config:
// a bad value stops start-up with a message naming the variable. Upstream base URLs are configurable (tests and a
// future mirror) but must be https; plain http is accepted only for loopback hosts under NODE_ENV=test.
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { ConfigError } from '../config.ts';
import type { SourceId } from './catalogue.ts';

const Ms = Type.Integer({ minimum: 0 });

export const IngestEnvSchema = Type.Object({
  NODE_ENV: Type.String({ default: 'development' }),
  FRED_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  FRED_BASE_URL: Type.String({ default: 'https://api.stlouisfed.org/fred', pattern: '^https?://' }),
  STATCAN_BASE_URL: Type.String({ default: 'https://www150.statcan.gc.ca/t1/wds/rest', pattern: '^https?://' }),
  /** Minimum gap between two FRED requests (FRED allows ~120/min per key; bursts over ~2/s get 429). */
  FRED_MIN_INTERVAL_MS: Type.Integer({ ...Ms, default: 1_000 }),
  INGEST_TIMEOUT_MS: Type.Integer({ minimum: 1, default: 30_000 }),
  INGEST_RETRIES: Type.Integer({ minimum: 0, maximum: 10, default: 4 }),
  INGEST_BACKOFF_MS: Type.Integer({ ...Ms, default: 1_000 }),
  /** Longest Retry-After honoured; a longer one fails the request instead of stalling the job. */
  INGEST_MAX_RETRY_AFTER_MS: Type.Integer({ ...Ms, default: 120_000 }),
  /** Periods fetched by a scheduled (update) run; a source with no rows yet is backfilled instead. */
  INGEST_UPDATE_PERIODS: Type.Integer({ minimum: 1, maximum: 1_000, default: 24 }),
  INGEST_BACKFILL_FROM: Type.String({ default: '1976-01', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
  /** Default: on, except under NODE_ENV=test (suites start apps that must not ingest on their own). */
  SCHEDULER: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  /** node-cron expressions (5 or 6 fields) and their time zones: daily, shortly after each source's release. */
  FRED_SCHEDULE: Type.String({ default: '30 10 * * *' }),
  FRED_SCHEDULE_TZ: Type.String({ default: 'America/New_York' }),
  STATCAN_SCHEDULE: Type.String({ default: '45 8 * * *' }),
  STATCAN_SCHEDULE_TZ: Type.String({ default: 'America/Toronto' }),
  /** Random delay (0..n ms) added to each scheduled start, so instances and retries spread out. */
  SCHEDULER_JITTER_MS: Type.Integer({ ...Ms, default: 120_000 }),
  /** After StatCan's maintenance window (HTTP 409) the job runs again this much later. */
  STATCAN_RESCHEDULE_MS: Type.Integer({ minimum: 1, default: 15 * 60_000 }),
});

export type IngestEnv = Static<typeof IngestEnvSchema>;

export interface HttpSettings {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  /** Test-only: accept http:// base URLs on loopback hosts (the replay server). Never set from production env. */
  allowInsecureLoopback: boolean;
}

export interface IngestSettings {
  fredApiKey: string | undefined;
  baseUrls: Record<SourceId, string>;
  fredMinIntervalMs: number;
  http: HttpSettings;
  updatePeriods: number;
  backfillFrom: string;
  scheduler: {
    enabled: boolean;
    jitterMs: number;
    statcanRescheduleMs: number;
    jobs: Record<SourceId, { cron: string; timezone: string }>;
  };
}

/** A ConfigError, so the CLI and server report it like the server's own configuration errors. */
export class IngestConfigError extends ConfigError {
  override name = 'IngestConfigError';
}

export function loadIngestSettings(env: Record<string, string | undefined> = process.env): IngestSettings {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(IngestEnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Convert(IngestEnvSchema, Value.Default(IngestEnvSchema, raw));
  const errors = [...Value.Errors(IngestEnvSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const name = error.instancePath.replace(/^\//, '');
      return `- ${name}=${JSON.stringify(raw[name])}: ${error.message}`;
    });
    throw new IngestConfigError(`Invalid ingestion configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const config = withDefaults as IngestEnv;
  const allowInsecureLoopback = config.NODE_ENV === 'test';
  const settings: IngestSettings = {
    fredApiKey: config.FRED_API_KEY,
    baseUrls: { fred: config.FRED_BASE_URL, statcan: config.STATCAN_BASE_URL },
    fredMinIntervalMs: config.FRED_MIN_INTERVAL_MS,
    http: {
      timeoutMs: config.INGEST_TIMEOUT_MS,
      retries: config.INGEST_RETRIES,
      backoffMs: config.INGEST_BACKOFF_MS,
      maxRetryAfterMs: config.INGEST_MAX_RETRY_AFTER_MS,
      allowInsecureLoopback,
    },
    updatePeriods: config.INGEST_UPDATE_PERIODS,
    backfillFrom: config.INGEST_BACKFILL_FROM,
    scheduler: {
      enabled: (config.SCHEDULER ?? (config.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
      jitterMs: config.SCHEDULER_JITTER_MS,
      statcanRescheduleMs: config.STATCAN_RESCHEDULE_MS,
      jobs: {
        fred: { cron: config.FRED_SCHEDULE, timezone: config.FRED_SCHEDULE_TZ },
        statcan: { cron: config.STATCAN_SCHEDULE, timezone: config.STATCAN_SCHEDULE_TZ },
      },
    },
  };
  for (const [name, timeZone] of [
    ['FRED_SCHEDULE_TZ', config.FRED_SCHEDULE_TZ],
    ['STATCAN_SCHEDULE_TZ', config.STATCAN_SCHEDULE_TZ],
  ] as const) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      throw new IngestConfigError(
        `Invalid ingestion configuration (see .env.example):\n- ${name}: "${timeZone}" is not an IANA time zone such as America/Toronto`,
      );
    }
  }
  for (const [name, url] of [
    ['FRED_BASE_URL', settings.baseUrls.fred],
    ['STATCAN_BASE_URL', settings.baseUrls.statcan],
  ] as const) {
    const problem = checkBaseUrl(url, allowInsecureLoopback);
    if (problem)
      throw new IngestConfigError(`Invalid ingestion configuration (see .env.example):\n- ${name}: ${problem}`);
  }
  return settings;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why a base URL may not be used (undefined = fine): https only, except http on loopback when allowed. */
export function checkBaseUrl(url: string, allowInsecureLoopback: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && allowInsecureLoopback && loopbackHosts.has(parsed.hostname)) return undefined;
  return `"${url}" must use https:// (plain http is refused${allowInsecureLoopback ? ' except on loopback' : ''})`;
}

/** The message for a FRED job without a key: what to set and where to get one. */
export const missingFredKeyMessage =
  'FRED_API_KEY is not set: the FRED ingestion job cannot run. Request a free key at ' +
  'https://fred.stlouisfed.org/docs/api/api_key.html and set FRED_API_KEY in the environment or .env.';
