#!/usr/bin/env node
// `chronos-tiles`: build the tile archives, or upload them to Cloudflare R2.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ARCHIVES, type ArchiveName, build } from './build/build.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `Usage:
  chronos-tiles build --boundaries <file.topo.json> [--out <dir>] [--only boundaries|basemap]
  chronos-tiles upload --bucket <name> [--prefix <path/>] [--dir <dir>] [--only <archive>]
                       [--hash-names] [--origin <url>]... [--endpoint <url>] [--dry-run]
      credentials: R2_ACCOUNT_ID (or R2_ENDPOINT), R2_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'build') {
    const { values } = parseArgs({
      args: rest,
      options: { boundaries: { type: 'string' }, out: { type: 'string' }, only: { type: 'string', multiple: true } },
      strict: true,
    });
    const only = values.only?.map((name) => {
      if (!(ARCHIVES as readonly string[]).includes(name))
        throw new UsageError(`--only ${name}: unknown archive; valid: ${ARCHIVES.join(', ')}`);
      return name as ArchiveName;
    });
    // No default: the region topology belongs to whoever runs the build (the Chronos repository passes
    // server/data/boundaries.topo.json), and an installed package has no repository around it.
    if (!values.boundaries)
      throw new UsageError('build needs --boundaries <file.topo.json>: the TopoJSON with an object "regions"');
    await build({ boundaries: values.boundaries, outDir: values.out, only });
    return 0;
  }
  if (command === 'upload') {
    const { upload } = await import('./upload.ts');
    return upload(rest);
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command === undefined ? 1 : 0;
  }
  throw new UsageError(`unknown command "${command}"; valid: build, upload`);
}

// Run when executed (as the bin or `node src/cli.ts`), not when imported. (import.meta.main needs Node 24.)
const executed = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (executed) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`chronos-tiles: ${(error as Error).message}\n${usage ? `\n${USAGE}` : ''}`);
    process.exitCode = usage ? 2 : 1;
  }
}
