import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isBackupFileName } from './manifest';

/** RyTask's own backups in a directory, newest first. */
export function listBackups(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter(isBackupFileName).sort().reverse().map((name) => join(dir, name));
}

/**
 * Keeps the newest `keep` backups and deletes older ones. Never deletes the newest backup, nor any
 * file whose name RyTask would not have written.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const doomed = listBackups(dir).slice(Math.max(1, keep));
  for (const file of doomed) unlinkSync(file);
  return doomed;
}
