// `chronos-server backup [list]` and `chronos-server restore`: argument parsing and the lines an operator
// reads; the work is in backup.ts.
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { backup, listBackups, restore } from './backup.ts';
import { BackupError } from './backup-settings.ts';

export const backupUsage = `  backup [--target URL]         pg_dump the database, encrypt it (BACKUP_KEY), store it in BACKUP_TARGET
                                (file:///dir or s3://bucket/prefix), prune backups older than
                                BACKUP_RETENTION_DAYS (30)
  backup list [--target URL]    list the backups in the target, oldest first
  restore [NAME|latest] --into URL [--target URL]
                                restore a backup into a fresh database (created when missing;
                                refused when it holds tables)`;

function parse(args: string[], command: string) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { target: { type: 'string' }, into: { type: 'string' } },
    });
  } catch (error) {
    throw new BackupError(`${command}: ${(error as Error).message}. Usage:\n${backupUsage}`);
  }
}

export async function backupCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, 'backup');
  const options = { ...config, target: values.target };
  if (positionals[0] === 'list') {
    const names = await listBackups(options);
    console.log(names.length ? names.join('\n') : 'no backups');
    return 0;
  }
  if (positionals.length > 0)
    throw new BackupError(`unknown backup command "${positionals[0]}". Valid: backup, backup list`);
  const started = Date.now();
  const result = await backup(options);
  console.log(
    `backup ${result.name} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, AES-256-GCM) stored in ${result.location} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (result.pruned.length ? `; pruned ${result.pruned.length} older than ${config.BACKUP_RETENTION_DAYS} days` : ''),
  );
  return 0;
}

export async function restoreCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, 'restore');
  if (!values.into) throw new BackupError(`restore needs --into URL (the fresh database). Usage:\n${backupUsage}`);
  const started = Date.now();
  const result = await restore({
    ...config,
    target: values.target,
    name: positionals[0] ?? 'latest',
    into: values.into,
  });
  console.log(`restored ${result.name} into ${result.database} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
