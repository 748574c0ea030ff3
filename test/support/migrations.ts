// Builds migration directories for tests: the committed migrations plus extra ones, with a journal.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMigrationsDir, loadMigrations } from '@rytask/db';

/**
 * The names of the committed migrations, in order. Tests build their expectations from this rather
 * than from literals, so they stay true whenever a migration is added.
 */
export const COMMITTED: readonly string[] = loadMigrations().map((m) => m.name);

/** The last committed migration: the schema of a migrated database, and the end of a backup's file name. */
export const LATEST: string = COMMITTED.at(-1)!;

/**
 * The tag a migration named `name` would get if it were added after the committed ones — for
 * migrations that only a database knows about (history rows written directly by a test).
 */
export const nextTag = (name: string): string => `${String(COMMITTED.length).padStart(4, '0')}_${name}`;

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

export class MigrationsDir {
  readonly path: string;

  constructor() {
    this.path = mkdtempSync(join(tmpdir(), 'rytask-migrations-'));
    cpSync(defaultMigrationsDir(), this.path, { recursive: true });
  }

  private get journalPath() {
    return join(this.path, 'meta', '_journal.json');
  }

  journal(): Journal {
    return JSON.parse(readFileSync(this.journalPath, 'utf8')) as Journal;
  }

  writeJournal(journal: Journal): void {
    writeFileSync(this.journalPath, JSON.stringify(journal, null, 2));
  }

  /** Appends a migration (statements joined with drizzle's breakpoint) and returns its tag. */
  add(name: string, statements: string[], options: { header?: string } = {}): string {
    const journal = this.journal();
    const last = journal.entries.at(-1);
    const idx = journal.entries.length;
    const tag = `${String(idx).padStart(4, '0')}_${name}`;
    const body = statements.join('\n--> statement-breakpoint\n');
    writeFileSync(join(this.path, `${tag}.sql`), options.header ? `${options.header}\n${body}` : body);
    journal.entries.push({ idx, version: '7', when: (last?.when ?? 0) + 1000, tag, breakpoints: true });
    this.writeJournal(journal);
    return tag;
  }

  file(tag: string): string {
    return join(this.path, `${tag}.sql`);
  }
}
