// Where encrypted backups go: a directory (file:///…) or an S3-compatible bucket (s3://bucket/prefix; AWS S3,
// Cloudflare R2, MinIO) through @aws-sdk/client-s3. Credentials for S3 come from the SDK's usual chain
// (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role); BACKUP_S3_ENDPOINT and
// BACKUP_S3_REGION select the service.
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type BackupEnv, backupTarget } from './backup-settings.ts';

export interface BackupTarget {
  /** Where, for messages: the directory or s3://bucket/prefix. */
  readonly location: string;
  /** Stores the local file `file` as `name` (complete or not at all). */
  put(name: string, file: string): Promise<void>;
  /** The names stored (any name; callers filter). */
  list(): Promise<string[]>;
  /** Copies `name` to the local file `destination`. */
  get(name: string, destination: string): Promise<void>;
  delete(name: string): Promise<void>;
}

class DirectoryTarget implements BackupTarget {
  readonly location: string;
  constructor(dir: string) {
    this.location = dir;
  }

  async put(name: string, file: string): Promise<void> {
    await mkdir(this.location, { recursive: true, mode: 0o700 });
    // Written under a temporary name and renamed: a crash never leaves a partial file under a backup's name.
    const partial = join(this.location, `.${name}.partial`);
    await copyFile(file, partial);
    await rename(partial, join(this.location, name));
  }

  async list(): Promise<string[]> {
    try {
      return (await readdir(this.location)).filter((name) => !name.startsWith('.'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async get(name: string, destination: string): Promise<void> {
    await stat(join(this.location, name));
    await copyFile(join(this.location, name), destination);
  }

  async delete(name: string): Promise<void> {
    await rm(join(this.location, name), { force: true });
  }
}

class S3Target implements BackupTarget {
  readonly location: string;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly #env: BackupEnv;
  #client: import('@aws-sdk/client-s3').S3Client | undefined;
  #s3: typeof import('@aws-sdk/client-s3') | undefined;

  constructor(bucket: string, prefix: string, env: BackupEnv) {
    this.#bucket = bucket;
    this.#prefix = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix;
    this.#env = env;
    this.location = `s3://${bucket}/${this.#prefix}`;
  }

  /** The SDK loads only when an S3 target is used (it is large and slow to import). */
  async #sdk() {
    this.#s3 ??= await import('@aws-sdk/client-s3');
    this.#client ??= new this.#s3.S3Client({
      region: this.#env.BACKUP_S3_REGION,
      // S3-compatible services (R2, MinIO) differ in support for the SDK's default trailing checksums
      // (aws-chunked uploads): send checksums only where S3 requires them. Integrity does not depend on
      // them: every backup is authenticated by AES-GCM.
      ...(this.#env.BACKUP_S3_ENDPOINT
        ? {
            endpoint: this.#env.BACKUP_S3_ENDPOINT,
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    });
    return { s3: this.#s3, client: this.#client };
  }

  async put(name: string, file: string): Promise<void> {
    const { s3, client } = await this.#sdk();
    const { size } = await stat(file);
    await client.send(
      new s3.PutObjectCommand({
        Bucket: this.#bucket,
        Key: this.#prefix + name,
        Body: createReadStream(file),
        ContentLength: size,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async list(): Promise<string[]> {
    const { s3, client } = await this.#sdk();
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new s3.ListObjectsV2Command({ Bucket: this.#bucket, Prefix: this.#prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        const name = object.Key?.slice(this.#prefix.length);
        if (name && !name.includes('/')) names.push(name);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return names;
  }

  async get(name: string, destination: string): Promise<void> {
    const { s3, client } = await this.#sdk();
    const object = await client.send(new s3.GetObjectCommand({ Bucket: this.#bucket, Key: this.#prefix + name }));
    await pipeline(object.Body as Readable, createWriteStream(destination, { mode: 0o600 }));
  }

  async delete(name: string): Promise<void> {
    const { s3, client } = await this.#sdk();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#prefix + name }));
  }
}

export function openTarget(env: BackupEnv, override?: string): BackupTarget {
  const spec = backupTarget(env, override);
  return spec.kind === 'file' ? new DirectoryTarget(spec.dir) : new S3Target(spec.bucket, spec.prefix, env);
}
