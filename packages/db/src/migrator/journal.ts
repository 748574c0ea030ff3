// Reads the committed migrations in the order the drizzle journal gives, with each file's sha256.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MigrationError } from './errors';

export interface Migration {
  /** The journal tag, e.g. `0003_add_projects`; also the file name without `.sql`. */
  name: string;
  file: string;
  checksum: string;
  statements: string[];
  /** Declared by a `-- rytask:no-transaction` header; runs alone, outside a transaction. */
  transactional: boolean;
}

const BREAKPOINT = '--> statement-breakpoint';
const NO_TRANSACTION = /^\s*--\s*rytask:\s*no-transaction\b/m;

/** packages/db/migrations, found through the package so it works from source and from the bundle. */
export function defaultMigrationsDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@rytask/db/package.json')), 'migrations');
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Only the leading comment block counts as the header, so the marker can't hide mid-file. */
function header(sql: string): string {
  const lines = sql.split('\n');
  const end = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('--'));
  return lines.slice(0, end === -1 ? lines.length : end).join('\n');
}

export function splitStatements(sql: string): string[] {
  return sql
    .split(BREAKPOINT)
    .map((part) => part.trim())
    .filter((part) => part.replace(/^\s*--.*$/gm, '').trim() !== '');
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const journalPath = join(dir, 'meta', '_journal.json');
  if (!existsSync(journalPath)) {
    throw new MigrationError('journal_invalid', `No migration journal at ${journalPath}.`);
  }
  let entries: JournalEntry[];
  try {
    entries = (JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] }).entries;
  } catch (error) {
    throw new MigrationError(
      'journal_invalid',
      `The migration journal ${journalPath} is not valid JSON (${(error as Error).message}). ` +
        'Restore it from git: git checkout -- packages/db/migrations/meta/_journal.json',
    );
  }
  entries.forEach((entry, position) => {
    const previous = entries[position - 1];
    if (entry.idx !== position || (previous && entry.when <= previous.when)) {
      throw new MigrationError(
        'journal_invalid',
        `The migration journal is out of order at "${entry.tag}" (position ${position}, idx ${entry.idx}). ` +
          'Entries must be numbered 0, 1, 2… with increasing timestamps; create migrations only with ' +
          '`npm run migration:new` or `npm run migration:generate`.',
      );
    }
  });
  const known = new Set(entries.map((entry) => `${entry.tag}.sql`));
  const strays = readdirSync(dir).filter((file) => file.endsWith('.sql') && !known.has(file));
  if (strays.length > 0) {
    throw new MigrationError(
      'journal_invalid',
      `Migration files not in the journal: ${strays.join(', ')}. A migration only counts when the ` +
        'journal lists it; create migrations with `npm run migration:new -- --name <name>`.',
    );
  }
  return entries.map((entry) => {
    const file = join(dir, `${entry.tag}.sql`);
    if (!existsSync(file)) {
      throw new MigrationError(
        'journal_invalid',
        `The journal lists "${entry.tag}" but ${file} is missing. Restore it from git.`,
      );
    }
    const sql = readFileSync(file, 'utf8');
    return {
      name: entry.tag,
      file,
      checksum: sha256(sql),
      statements: splitStatements(sql),
      transactional: !NO_TRANSACTION.test(header(sql)),
    };
  });
}
