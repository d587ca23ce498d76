// Ingestion settings: their environment variables (a section of the server's one configuration schema,
// config.ts, which validates them at start-up with everything else) and the typed settings the jobs read.
// Upstream base URLs are configurable (tests and a future mirror) but must be https; plain http is accepted
// only for loopback hosts under NODE_ENV=test.
import Type, { type Static } from 'typebox';
import type { SourceId } from './catalogue.ts';
import type { Clock } from './http.ts';

const Ms = Type.Integer({ minimum: 0 });

/** The ingestion variables, documented in .env.example; config.ts merges them into its schema. */
export const ingestEnvFields = {
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
};

const IngestEnv = Type.Object(ingestEnvFields);
export type IngestEnv = Static<typeof IngestEnv>;

export interface HttpSettings {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  /** Test-only: accept http:// base URLs on loopback hosts (the replay server). Never set from production env. */
  allowInsecureLoopback: boolean;
  /** Test-only: the clock pacing and retries wait by (default: the system clock; see http.ts). */
  clock?: Clock;
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

/**
 * The settings from validated variables (config.ts has applied defaults and types), or the problems the
 * schema cannot see (time zones, base URLs), one line each, for config.ts to report with the others.
 */
export function ingestSettingsFrom(env: IngestEnv, nodeEnv: string): { settings: IngestSettings; problems: string[] } {
  const allowInsecureLoopback = nodeEnv === 'test';
  const settings: IngestSettings = {
    fredApiKey: env.FRED_API_KEY,
    baseUrls: { fred: env.FRED_BASE_URL, statcan: env.STATCAN_BASE_URL },
    fredMinIntervalMs: env.FRED_MIN_INTERVAL_MS,
    http: {
      timeoutMs: env.INGEST_TIMEOUT_MS,
      retries: env.INGEST_RETRIES,
      backoffMs: env.INGEST_BACKOFF_MS,
      maxRetryAfterMs: env.INGEST_MAX_RETRY_AFTER_MS,
      allowInsecureLoopback,
    },
    updatePeriods: env.INGEST_UPDATE_PERIODS,
    backfillFrom: env.INGEST_BACKFILL_FROM,
    scheduler: {
      enabled: (env.SCHEDULER ?? (nodeEnv === 'test' ? 'off' : 'on')) === 'on',
      jitterMs: env.SCHEDULER_JITTER_MS,
      statcanRescheduleMs: env.STATCAN_RESCHEDULE_MS,
      jobs: {
        fred: { cron: env.FRED_SCHEDULE, timezone: env.FRED_SCHEDULE_TZ },
        statcan: { cron: env.STATCAN_SCHEDULE, timezone: env.STATCAN_SCHEDULE_TZ },
      },
    },
  };
  const problems: string[] = [];
  for (const [name, timeZone] of [
    ['FRED_SCHEDULE_TZ', env.FRED_SCHEDULE_TZ],
    ['STATCAN_SCHEDULE_TZ', env.STATCAN_SCHEDULE_TZ],
  ] as const) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      problems.push(`- ${name}: "${timeZone}" is not an IANA time zone such as America/Toronto`);
    }
  }
  for (const [name, url] of [
    ['FRED_BASE_URL', settings.baseUrls.fred],
    ['STATCAN_BASE_URL', settings.baseUrls.statcan],
  ] as const) {
    const problem = checkBaseUrl(url, allowInsecureLoopback);
    if (problem) problems.push(`- ${name}: ${problem}`);
  }
  return { settings, problems };
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
