// The encrypted backup file: AES-256-GCM over the pg_dump archive, streamed (node:crypto), so a dump of
// any size never sits in memory. Layout: magic "CHRBKP01", header length (uint32 BE), header JSON (what
// was dumped, when, by which pg_dump — authenticated as additional data), 12-byte IV, ciphertext, 16-byte
// tag. Decryption writes to a file and only then checks the tag: nothing reaches pg_restore unless the
// whole file is authentic, so a tampered or truncated backup, or the wrong key, restores nothing.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupError } from './backup-settings.ts';

const MAGIC = Buffer.from('CHRBKP01');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface BackupHeader {
  format: 'pg_dump-custom';
  createdAt: string;
  database: string;
  pgDump: string;
}

function prefix(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json]);
}

/** Encrypts `source` (the pg_dump output) into `destination` (created 0600). */
export async function encryptTo(source: Readable, destination: string, key: Buffer, header: BackupHeader) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const aad = prefix(header);
  cipher.setAAD(aad);
  async function* sealed() {
    yield Buffer.concat([aad, iv]);
    for await (const chunk of source) yield cipher.update(chunk as Buffer);
    yield cipher.final();
    yield cipher.getAuthTag();
  }
  await pipeline(sealed, createWriteStream(destination, { mode: 0o600 }));
}

/** Reads the header of an encrypted backup (not yet authenticated: decryptTo checks it). */
export async function readHeader(file: string): Promise<{ header: BackupHeader; aad: Buffer; size: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const start = Buffer.alloc(12);
    await handle.read(start, 0, 12, 0);
    if (!start.subarray(0, 8).equals(MAGIC)) {
      throw new BackupError(`${file} is not a Chronos backup (it does not start with ${MAGIC.toString()})`);
    }
    const length = start.readUInt32BE(8);
    if (length > 64 * 1024 || 12 + length + IV_BYTES + TAG_BYTES > size) {
      throw new BackupError(`${file} is truncated or damaged (its header does not fit)`);
    }
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, 12);
    let header: BackupHeader;
    try {
      header = JSON.parse(json.toString()) as BackupHeader;
    } catch {
      throw new BackupError(`${file} is damaged (its header is not readable)`);
    }
    return { header, aad: Buffer.concat([start, json]), size };
  } finally {
    await handle.close();
  }
}

/** Decrypts and authenticates `file` into `destination` (0600); on any failure `destination` is removed. */
export async function decryptTo(file: string, destination: string, key: Buffer): Promise<BackupHeader> {
  const { header, aad, size } = await readHeader(file);
  const handle = await open(file, 'r');
  const iv = Buffer.alloc(IV_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    await handle.read(iv, 0, IV_BYTES, aad.length);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const start = aad.length + IV_BYTES;
  const body = size - TAG_BYTES > start ? createReadStream(file, { start, end: size - TAG_BYTES - 1 }) : [];
  try {
    await pipeline(body, decipher, createWriteStream(destination, { mode: 0o600 }));
  } catch (error) {
    await rm(destination, { force: true });
    if ((error as Error).message.includes('authenticate')) {
      throw new BackupError(
        `${file} failed authentication (AES-256-GCM): it was altered or damaged after it was written, or BACKUP_KEY is not the key it was made with. Nothing was restored.`,
      );
    }
    throw error;
  }
  return header;
}
