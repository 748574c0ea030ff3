// Reads and verifies a backup file completely before anything touches a database. Corrupt or
// truncated files are refused. A sealed file (see archive.ts) is checked with one sha256 pass over
// its bytes; otherwise — or to unpack it — every entry is inflated and hashed (one streaming pass:
// nothing is unpacked to disk unless the caller asks for the files).
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import { Header } from 'tar';
import { readArchive, readSeal, type Seal } from './archive';
import { BackupError, MANIFEST_FILE, manifestSchema, type Manifest } from './manifest';
import { CopyDigest } from './tables';

export interface OpenedBackup {
  file: string;
  manifest: Manifest;
  /** Directory holding the verified table files. */
  dir: string;
  close(): void;
}

const DATA_FILE = /^data\/[a-z0-9_]+\.copy$/;
const DATA_DIR = /^data\/?$/;
/** A manifest lists tables and migrations; anything this large is not one of ours. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

type Refuse = (why: string) => never;

function parseManifest(text: string, refuse: Refuse): Manifest {
  let manifest: Manifest | undefined;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) refuse(`its manifest is not valid (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    manifest = parsed.data;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    refuse('its manifest is not valid JSON');
  }
  const files = manifest.tables.map((t) => t.file);
  if (new Set(files).size !== files.length) refuse('its manifest lists a table file twice');
  return manifest!;
}

/**
 * A sealed file whose bytes hash to its seal: the manifest, read from the first member alone.
 * Undefined when they don't (a damaged byte, or a damaged seal): the caller checks the long way.
 */
async function verifySealed(file: string, seal: Seal, refuse: Refuse): Promise<Manifest | undefined> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { start: 0, end: seal.bytes - 1, highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== seal.sha256) return undefined;
  if (seal.manifestBytes > Math.min(seal.bytes, MAX_MANIFEST_BYTES)) refuse('its manifest is implausibly large');
  const member = Buffer.alloc(seal.manifestBytes);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, member, 0, member.length, 0);
  } finally {
    closeSync(fd);
  }
  let entry: Buffer | undefined;
  try {
    entry = gunzipSync(member);
  } catch (error) {
    refuse(`its manifest cannot be read (${(error as Error).message})`);
  }
  const header = new Header(entry!.subarray(0, 512));
  if (header.path !== MANIFEST_FILE || header.type !== 'File' || !header.size || 512 + header.size > entry!.length) refuse('it does not start with its manifest');
  return parseManifest(entry!.toString('utf8', 512, 512 + header.size!), refuse);
}

/**
 * Checks a backup against its manifest. By default the whole file is streamed once, every table
 * file inflated and hashed; with `extractTo`, the table files (and manifest) are also written there.
 * With `bySeal`, a sealed file whose bytes match its seal's sha256 needs no more (a restore hashes
 * each table again as it loads it); any other file is checked the long way. Throws a BackupError saying what is wrong; returns the manifest only
 * for a file that is complete and intact.
 */
export async function verifyBackup(file: string, options: { extractTo?: string; bySeal?: boolean } = {}): Promise<Manifest> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new BackupError(`No backup file at ${file}.`);
  }
  const refuse = (why: string): never => {
    throw new BackupError(`${basename(file)} is not a usable RyTask backup: ${why}. Nothing was changed.`);
  };
  if (options.bySeal && !options.extractTo) {
    const seal = readSeal(file);
    const manifest = seal && (await verifySealed(file, seal, refuse));
    if (manifest) return manifest;
  }
  const unexpected: string[] = [];
  const seen = new Map<string, { rows: number; sha256: string }>();
  let manifestText: string | undefined;
  try {
    await readArchive(file, async (entry) => {
      if (entry.type === 'Directory' && DATA_DIR.test(entry.path)) return;
      const isManifest = entry.path === MANIFEST_FILE;
      if (entry.type !== 'File' || (!isManifest && !DATA_FILE.test(entry.path))) {
        unexpected.push(entry.path);
        return;
      }
      // A second copy of a file would be loaded twice (or replace the first): never ours.
      if (seen.has(entry.path) || (isManifest && manifestText !== undefined)) refuse(`${entry.path} appears twice`);
      if (isManifest) {
        if (entry.size > MAX_MANIFEST_BYTES) refuse('its manifest is implausibly large');
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        manifestText = Buffer.concat(chunks).toString('utf8');
        if (options.extractTo) writeFileSync(join(options.extractTo, MANIFEST_FILE), manifestText);
        return;
      }
      if (options.extractTo) mkdirSync(join(options.extractTo, 'data'), { recursive: true });
      const digest = new CopyDigest();
      await pipeline(entry, digest, options.extractTo ? createWriteStream(join(options.extractTo, entry.path)) : discard());
      seen.set(entry.path, { rows: digest.rows, sha256: digest.digest() });
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    refuse(`the archive is corrupt or truncated (${(error as Error).message})`);
  }
  if (unexpected.length > 0) refuse(`unexpected entries ${unexpected.slice(0, 5).join(', ')}`);
  if (manifestText === undefined) refuse('it has no manifest.json');
  const manifest = parseManifest(manifestText!, refuse);
  const listed = new Set(manifest.tables.map((t) => t.file));
  const extra = [...seen.keys()].filter((f) => !listed.has(f));
  if (extra.length > 0) refuse(`files not listed in the manifest: ${extra.join(', ')}`);
  for (const table of manifest.tables) {
    const found = seen.get(table.file);
    if (!found) refuse(`table ${table.name} is missing (${table.file})`);
    if (found!.rows !== table.rows) refuse(`table ${table.name} has ${found!.rows} rows, the manifest says ${table.rows}`);
    if (found!.sha256 !== table.sha256) refuse(`table ${table.name} does not match its checksum`);
  }
  return manifest;
}

/** Verifies a backup and unpacks it into a temporary directory (`close()` removes it). */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const dir = mkdtempSync(join(tmpdir(), 'rytask-restore-'));
  try {
    const manifest = await verifyBackup(file, { extractTo: dir });
    return { file, manifest, dir, close: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
