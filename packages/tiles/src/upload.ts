// `chronos-tiles upload`: puts the built archives on Cloudflare R2 through its S3-compatible API, with
// headers that let the CDN and browsers cache them for a year, and prints the CORS rule R2 needs for
// PMTiles range reads from web pages.
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  openSync,
  readSync,
  closeSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageDist } from './build/build.ts';
import { UsageError } from './usage-error.ts';

export const CONTENT_TYPE = 'application/vnd.pmtiles';
export const CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * The R2 CORS rule for PMTiles: range GETs from any page (or the given origins), the range headers
 * readable. Tiles are public by design (basemap and boundary geometry are not what a key protects, and
 * `*` lets the CDN keep one copy for every embedding site); the server's /tiles answers the same way.
 */
export function corsRule(origins: readonly string[] = ['*']) {
  return [
    {
      AllowedOrigins: [...origins],
      AllowedMethods: ['GET', 'HEAD'],
      AllowedHeaders: ['Range', 'If-Match', 'If-None-Match'],
      ExposeHeaders: ['ETag', 'Content-Range', 'Content-Length', 'Accept-Ranges'],
      MaxAgeSeconds: 86400,
    },
  ];
}

export interface PlannedObject {
  file: string;
  key: string;
  bytes: number;
  contentType: string;
  cacheControl: string;
}

export interface UploadPlan {
  bucket: string;
  endpoint: string | undefined;
  objects: PlannedObject[];
  origins: string[];
  dryRun: boolean;
  /** Environment variables that a real upload needs and that are not set. */
  missingCredentials: string[];
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

function isPMTiles(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(8);
    readSync(fd, magic, 0, 8, 0);
    return magic.subarray(0, 7).toString('latin1') === 'PMTiles' && magic[7] === 3;
  } finally {
    closeSync(fd);
  }
}

/** Validates the arguments and the environment and lists what would be uploaded. No network. */
export function planUpload(args: readonly string[], env: NodeJS.ProcessEnv = process.env): UploadPlan {
  const { values } = parseArgs({
    args: [...args],
    options: {
      bucket: { type: 'string' },
      prefix: { type: 'string', default: '' },
      dir: { type: 'string' },
      only: { type: 'string', multiple: true },
      origin: { type: 'string', multiple: true },
      endpoint: { type: 'string' },
      'hash-names': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const bucket = values.bucket ?? env.R2_BUCKET;
  if (!bucket) throw new UsageError('no bucket: pass --bucket <name> or set R2_BUCKET');
  if (!BUCKET_NAME.test(bucket))
    throw new UsageError(`bucket "${bucket}" is not a valid R2 bucket name (3–63 of a-z, 0-9 and "-")`);
  const prefix = values.prefix ?? '';
  if (prefix.startsWith('/') || (prefix !== '' && !prefix.endsWith('/')))
    throw new UsageError(`--prefix "${prefix}" must be relative and end with "/" (e.g. tiles/v1/)`);

  const dir = values.dir ?? packageDist;
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`${dir} is not a directory; run \`chronos-tiles build\` first or pass --dir`);
  const available = readdirSync(dir)
    .filter((name) => name.endsWith('.pmtiles'))
    .sort();
  const wanted = values.only?.map((name) => (name.endsWith('.pmtiles') ? name : `${name}.pmtiles`)) ?? available;
  for (const name of wanted)
    if (!available.includes(name))
      throw new UsageError(
        `${name} is not in ${dir}; available: ${available.join(', ') || 'none (run chronos-tiles build)'}`,
      );
  if (wanted.length === 0) throw new UsageError(`no .pmtiles archives in ${dir}; run \`chronos-tiles build\` first`);

  const objects = wanted.map((name): PlannedObject => {
    const file = join(dir, name);
    if (!isPMTiles(file)) throw new UsageError(`${file} is not a PMTiles v3 archive`);
    // With --hash-names each build gets new keys, so "immutable" caching can never serve a stale archive.
    const key = values['hash-names']
      ? `${prefix}${basename(name, '.pmtiles')}.${createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12)}.pmtiles`
      : `${prefix}${name}`;
    return { file, key, bytes: statSync(file).size, contentType: CONTENT_TYPE, cacheControl: CACHE_CONTROL };
  });

  const endpoint =
    values.endpoint ??
    env.R2_ENDPOINT ??
    (env.R2_ACCOUNT_ID ? `https://${env.R2_ACCOUNT_ID}.r2.cloudflarestorage.com` : undefined);
  const missingCredentials = [
    ...(endpoint ? [] : ['R2_ACCOUNT_ID (or R2_ENDPOINT)']),
    ...(env.R2_ACCESS_KEY_ID ? [] : ['R2_ACCESS_KEY_ID']),
    ...(env.R2_SECRET_ACCESS_KEY ? [] : ['R2_SECRET_ACCESS_KEY']),
  ];
  return {
    bucket,
    endpoint,
    objects,
    origins: values.origin ?? ['*'],
    dryRun: values['dry-run'] ?? false,
    missingCredentials,
  };
}

/** The part of an S3 client the upload uses (so tests can stand in for R2). */
export interface ObjectPutter {
  put(object: PlannedObject, bucket: string): Promise<{ etag?: string }>;
}

async function r2Putter(plan: UploadPlan, env: NodeJS.ProcessEnv): Promise<ObjectPutter> {
  const { PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: 'auto',
    endpoint: plan.endpoint,
    forcePathStyle: true, // R2 accepts both; path style also works for custom endpoints such as a local stand-in
    // Plain bodies: the SDK's default streaming CRC32 trailer (aws-chunked) is not what R2 expects.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: env.R2_ACCESS_KEY_ID!, secretAccessKey: env.R2_SECRET_ACCESS_KEY! },
  });
  return {
    async put(object, bucket) {
      const result = await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: object.key,
          Body: createReadStream(object.file),
          ContentLength: object.bytes,
          ContentType: object.contentType,
          CacheControl: object.cacheControl,
        }),
      );
      return { etag: result.ETag };
    },
  };
}

export interface UploadContext {
  env?: NodeJS.ProcessEnv;
  out?: NodeJS.WritableStream;
  putter?: ObjectPutter;
}

/** Runs `chronos-tiles upload`; returns the exit code. */
export async function upload(args: readonly string[], context: UploadContext = {}): Promise<number> {
  const env = context.env ?? process.env;
  const out = context.out ?? process.stdout;
  const plan = planUpload(args, env);
  const where = `r2://${plan.bucket}/`;
  out.write(
    `${plan.dryRun ? 'dry run: would upload' : 'uploading'} to ${where} (${plan.endpoint ?? 'no endpoint set'})\n`,
  );
  for (const object of plan.objects)
    out.write(
      `  ${object.file} → ${object.key} (${object.bytes.toLocaleString('en-US')} bytes, Content-Type: ${object.contentType}, Cache-Control: ${object.cacheControl})\n`,
    );

  if (plan.dryRun) {
    if (plan.missingCredentials.length > 0)
      out.write(`a real upload also needs: ${plan.missingCredentials.join(', ')}\n`);
  } else {
    if (plan.missingCredentials.length > 0)
      throw new UsageError(`missing credentials: set ${plan.missingCredentials.join(', ')}`);
    const putter = context.putter ?? (await r2Putter(plan, env));
    for (const object of plan.objects) {
      const { etag } = await putter.put(object, plan.bucket);
      out.write(`  ✓ ${object.key}${etag ? ` ETag ${etag}` : ''}\n`);
    }
  }
  out.write(
    `\nR2 needs this CORS rule on the bucket for range reads from web pages (dashboard → R2 → ${plan.bucket} → Settings → CORS policy):\n${JSON.stringify(corsRule(plan.origins), null, 2)}\n`,
  );
  return 0;
}
