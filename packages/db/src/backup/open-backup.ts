// Reads and verifies a backup file completely — manifest, every table file, row counts and
// checksums — before anything touches a database. Corrupt or truncated files are refused.
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { extract } from 'tar';
import { BackupError, MANIFEST_FILE, manifestSchema, type Manifest } from './manifest';
import { CopyDigest } from './tables';

export interface OpenedBackup {
  file: string;
  manifest: Manifest;
  /** Directory holding the verified table files. */
  dir: string;
  close(): void;
}

const ALLOWED_ENTRY = /^(manifest\.json|data\/[a-z0-9_]+\.copy|data\/?)$/;

export async function openBackup(file: string): Promise<OpenedBackup> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new BackupError(`No backup file at ${file}.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rytask-restore-'));
  const refuse = (why: string): never => {
    rmSync(dir, { recursive: true, force: true });
    throw new BackupError(`${basename(file)} is not a usable RyTask backup: ${why}. Nothing was changed.`);
  };
  try {
    const unexpected: string[] = [];
    await extract({
      file,
      cwd: dir,
      strict: true,
      filter: (path) => {
        if (ALLOWED_ENTRY.test(path)) return true;
        unexpected.push(path);
        return false;
      },
    });
    if (unexpected.length > 0) refuse(`unexpected entries ${unexpected.slice(0, 5).join(', ')}`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    refuse(`the archive is corrupt or truncated (${(error as Error).message})`);
  }
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) refuse('it has no manifest.json');
  let manifest: Manifest | undefined;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (!parsed.success) refuse(`its manifest is not valid (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    manifest = parsed.data;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    refuse('its manifest is not valid JSON');
  }
  const listed = new Set(manifest!.tables.map((t) => t.file));
  const present = existsSync(join(dir, 'data')) ? readdirSync(join(dir, 'data')).map((f) => `data/${f}`) : [];
  const extra = present.filter((f) => !listed.has(f));
  if (extra.length > 0) refuse(`files not listed in the manifest: ${extra.join(', ')}`);
  for (const table of manifest!.tables) {
    const path = join(dir, table.file);
    if (!existsSync(path)) refuse(`table ${table.name} is missing (${table.file})`);
    const digest = new CopyDigest();
    await pipeline(createReadStream(path), digest, new Writable({ write: (_chunk, _enc, done) => done() }));
    if (digest.rows !== table.rows) refuse(`table ${table.name} has ${digest.rows} rows, the manifest says ${table.rows}`);
    if (digest.digest() !== table.sha256) refuse(`table ${table.name} does not match its checksum`);
  }
  return { file, manifest: manifest!, dir, close: () => rmSync(dir, { recursive: true, force: true }) };
}
