// The backup variables (validated with the rest of the configuration in config.ts, so a malformed key or
// target stops the server and every command at start-up, naming the variable) and their parsed forms.
import Type from 'typebox';

export const backupEnvFields = {
  /** AES-256-GCM key: 32 random bytes as 64 hex digits or base64 (`openssl rand -base64 32`). */
  BACKUP_KEY: Type.Optional(
    Type.String({ pattern: '^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?)$', description: '32 bytes, hex or base64' }),
  ),
  /** file:///absolute/dir or s3://bucket/optional/prefix */
  BACKUP_TARGET: Type.Optional(Type.String({ pattern: '^(file:///|s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/|$))' })),
  BACKUP_RETENTION_DAYS: Type.Integer({ minimum: 1, default: 30 }),
  /** S3-compatible endpoint (Cloudflare R2: https://<account>.r2.cloudflarestorage.com); unset = AWS. */
  BACKUP_S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  BACKUP_S3_REGION: Type.String({ default: 'auto', minLength: 1 }),
};

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupEnv {
  BACKUP_KEY?: string | undefined;
  BACKUP_TARGET?: string | undefined;
  BACKUP_RETENTION_DAYS: number;
  BACKUP_S3_ENDPOINT?: string | undefined;
  BACKUP_S3_REGION: string;
}

/** The 32-byte key, or a BackupError saying how to make one. */
export function backupKey(env: BackupEnv): Buffer {
  if (!env.BACKUP_KEY) {
    throw new BackupError(
      'BACKUP_KEY is not set: backups are encrypted (AES-256-GCM). Make a key with `openssl rand -base64 32`, keep a copy away from the backups, and set BACKUP_KEY.',
    );
  }
  const key = /^[0-9a-fA-F]{64}$/.test(env.BACKUP_KEY)
    ? Buffer.from(env.BACKUP_KEY, 'hex')
    : Buffer.from(env.BACKUP_KEY, 'base64');
  if (key.length !== 32) throw new BackupError(`BACKUP_KEY must be 32 bytes, got ${key.length}`);
  return key;
}

export type TargetSpec = { kind: 'file'; dir: string } | { kind: 's3'; bucket: string; prefix: string };

export function backupTarget(env: BackupEnv, override?: string): TargetSpec {
  const target = override ?? env.BACKUP_TARGET;
  if (!target) {
    throw new BackupError(
      'BACKUP_TARGET is not set: give a directory (file:///var/backups/chronos) or a bucket (s3://bucket/prefix)',
    );
  }
  const url = new URL(target);
  if (url.protocol === 'file:') return { kind: 'file', dir: decodeURIComponent(url.pathname) };
  if (url.protocol === 's3:') return { kind: 's3', bucket: url.hostname, prefix: url.pathname.replace(/^\/+/, '') };
  throw new BackupError(`BACKUP_TARGET "${target}": expected file:///absolute/dir or s3://bucket/prefix`);
}
