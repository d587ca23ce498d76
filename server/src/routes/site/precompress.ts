// Brotli and gzip copies of the CDN bundle's files (`chronos.js.br`, `chronos.js.gz` beside
// `chronos.js`), made once when the server starts and kept on disk, so /cdn/* sends compressed bytes
// through @fastify/static's `preCompressed` without compressing per request. A copy is remade when its
// source is newer (a rebuild), written to a temporary name and renamed so that several servers starting
// at once never serve a half-written file.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text a browser fetches; source maps are left out (only developer tools load them, and they are large). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.json', '.svg', '.html']);
/** Below this, compression saves less than a packet. */
const MIN_BYTES = 1024;

const ENCODINGS = [
  {
    suffix: '.br',
    compress: (bytes: Buffer, size: number) =>
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: size,
        },
      }),
  },
  { suffix: '.gz', compress: (bytes: Buffer) => gzipAsync(bytes, { level: 9 }) },
];

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && COMPRESSIBLE.has(extname(entry.name))) yield path;
  }
}

/** Makes the missing or outdated `.br` / `.gz` copies under `dir`; returns how many were written. */
export async function precompressDir(dir: string): Promise<number> {
  let written = 0;
  for await (const path of files(dir)) {
    const source = await stat(path);
    if (source.size < MIN_BYTES) continue;
    let bytes: Buffer | undefined;
    for (const { suffix, compress } of ENCODINGS) {
      const target = `${path}${suffix}`;
      const existing = await stat(target).catch(() => null);
      if (existing && existing.mtimeMs >= source.mtimeMs) continue;
      bytes ??= await readFile(path);
      const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temporary, await compress(bytes, source.size));
      await rename(temporary, target);
      written++;
    }
  }
  return written;
}
