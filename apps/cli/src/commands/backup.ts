import { basename, resolve } from 'node:path';
import {
  BackupError,
  backupWithClient,
  createBackup,
  listBackups,
  pruneBackups,
  restoreBackup,
  tablesWithData,
  withScratchDatabase,
  type BackupOptions,
} from '@rytask/db';
import type pg from 'pg';
import { requireDatabaseUrl, type Config } from '../config';
import { APP_VERSION } from '../version';

const log = (line: string) => console.log(line);

/** Table-by-table progress, only on a terminal (logs stay one line per backup). */
function progress(): BackupOptions['onProgress'] {
  if (!process.stdout.isTTY) return undefined;
  return ({ table, index, total, rows }) => process.stdout.write(`\r  [${index + 1}/${total}] ${table}: ${rows} rows\x1b[K${index + 1 === total ? '\n' : ''}`);
}

function describeBackup(file: string, manifest: { tables: { rows: number }[]; durationMs: number }) {
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  return `${file} (${manifest.tables.length} tables, ${rows} rows, ${manifest.durationMs} ms)`;
}

function prune(config: Config, outDir: string): void {
  for (const file of pruneBackups(outDir, config.backupKeep)) log(`Pruned old backup ${basename(file)} (keeping the newest ${config.backupKeep}).`);
}

export async function backupCommand(config: Config, options: { out?: string }): Promise<void> {
  const outDir = resolve(options.out ?? config.backupDir);
  const { file, manifest } = await createBackup(requireDatabaseUrl(config), { outDir, appVersion: APP_VERSION, onProgress: progress() });
  log(`Backup written: ${describeBackup(file, manifest)}`);
  prune(config, outDir);
}

/**
 * The pre-upgrade backup `rytask migrate` takes when migrations are pending on a database that
 * holds data. If it cannot be written, the upgrade does not happen: no upgrade without a way back.
 */
export function preUpgradeBackup(config: Config) {
  return async (client: pg.Client): Promise<{ backupFile?: string }> => {
    if (!config.backupBeforeMigrate || (await tablesWithData(client)).length === 0) return {};
    log(`Taking a backup before upgrading, into ${config.backupDir} …`);
    try {
      const { file, manifest } = await backupWithClient(client, { outDir: config.backupDir, appVersion: APP_VERSION, onProgress: progress() });
      log(`Backup written: ${describeBackup(file, manifest)}`);
      prune(config, config.backupDir);
      return { backupFile: basename(file) };
    } catch (error) {
      throw new BackupError(
        `Refusing to upgrade: the pre-upgrade backup could not be written. ${(error as Error).message}\n` +
          `No migration was applied. Make ${config.backupDir} writable (or set RYTASK_BACKUP_DIR), or — to ` +
          'upgrade without a way back — set RYTASK_BACKUP_BEFORE_MIGRATE=false.',
      );
    }
  };
}

export async function restoreCommand(config: Config, file: string | undefined, options: { force: boolean; upgrade: boolean }): Promise<void> {
  if (!file) throw new BackupError('usage: rytask restore FILE [--force]  (backups are in ' + config.backupDir + ')');
  const result = await restoreBackup({
    databaseUrl: requireDatabaseUrl(config),
    file: resolve(file),
    appVersion: APP_VERSION,
    force: options.force,
    upgrade: options.upgrade,
    lockWaitMs: config.lockWaitMs,
    log,
  });
  log(
    `Restored ${basename(file)} (RyTask ${result.manifest.appVersion}, ${result.manifest.createdAt}): ` +
      `${result.tables} tables, ${result.rows} rows, verified against the manifest, in ${result.durationMs} ms.` +
      (result.upgraded.length ? `\nApplied ${result.upgraded.length} newer migration(s): ${result.upgraded.join(', ')}.` : '') +
      (!options.upgrade && result.behind.length
        ? `\nThe database is left at the backup's version: ${result.behind.length} migration(s) of this code are not applied ` +
          `(${result.behind.join(', ')}). To roll back, check out the version that made the backup and start it; ` +
          'to run this version on the restored data instead, run `rytask migrate`.'
        : ''),
  );
}

export async function verifyCommand(config: Config, file: string | undefined): Promise<void> {
  if (!file) throw new BackupError('usage: rytask verify FILE');
  const result = await withScratchDatabase(requireDatabaseUrl(config), 'rytask_verify', (url) =>
    restoreBackup({ databaseUrl: url, file: resolve(file), appVersion: APP_VERSION, force: false, lockWaitMs: config.lockWaitMs, log: () => undefined }),
  );
  log(
    `OK: ${basename(file)} restores cleanly — ${result.tables} tables, ${result.rows} rows match the manifest` +
      (result.upgraded.length ? `, and ${result.upgraded.length} newer migration(s) apply on top` : '') +
      ` (${result.durationMs} ms, in a scratch database that is now dropped).`,
  );
}

/** `rytask migrate --rehearse`: the upgrade, played on a copy restored from the latest backup. */
export async function rehearseCommand(config: Config): Promise<void> {
  const [latest] = listBackups(config.backupDir);
  if (!latest) {
    throw new BackupError(`No backup in ${config.backupDir} to rehearse on. Take one first: rytask backup`);
  }
  log(`Rehearsing the upgrade on a scratch copy of ${basename(latest)} …`);
  const result = await withScratchDatabase(requireDatabaseUrl(config), 'rytask_rehearsal', (url) =>
    restoreBackup({ databaseUrl: url, file: latest, appVersion: APP_VERSION, force: false, lockWaitMs: config.lockWaitMs, log: () => undefined }),
  );
  log(
    result.upgraded.length
      ? `Rehearsal succeeded: ${result.upgraded.length} pending migration(s) applied cleanly on the backup's data (${result.upgraded.join(', ')}), ` +
          `${result.durationMs} ms including the restore. The real database was not touched.`
      : `Nothing to rehearse: the latest backup is already at this version's last migration. The real database was not touched.`,
  );
}
