// `npm run lint:migrations` (scripts/lint-migrations.mjs): squawk over the migrations, failing on
// destructive or blocking changes unless the migration acknowledges them in its header.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const SCRIPT = join(root, 'scripts/lint-migrations.mjs');

interface LintResult {
  code: number | null;
  output: string;
}

function lint(...args: string[]): LintResult {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A scratch migrations folder holding the given files (name → SQL). */
function migrations(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rytask-lint-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

/** Lints one migration file with the given SQL. */
const lintSql = (sql: string, name = '0001_change.sql') => lint(migrations({ [name]: sql }));

const DROP = 'ALTER TABLE users DROP COLUMN name;\n';
const ACK_DROP = '-- rytask:acknowledge ban-drop-column -- name moved to display_name in 0.4, nothing reads it\n';

describe('npm run lint:migrations', () => {
  it('passes the committed migrations, including the initial one that indexes its own new tables', () => {
    const result = lint();
    expect(result.output).toMatch(/migration lint: \d+ files?, 0 violations/);
    expect(result.code).toBe(0);
  });

  it('fails on dropping a column, naming the file, line, rule, the danger and the header line to add', () => {
    const result = lintSql(`-- Remove the old name.\n\n${DROP}`, '0007_drop_name.sql');
    expect(result.code).toBe(1);
    expect(result.output).toContain('0007_drop_name.sql:3  ban-drop-column');
    expect(result.output).toContain('ALTER TABLE users DROP COLUMN name');
    expect(result.output).toContain('expand/contract');
    expect(result.output).toContain('-- rytask:acknowledge ban-drop-column -- <why this is safe');
    expect(result.output).toContain('migration lint: 1 file, 1 violation (0 acknowledged)');
  });

  it('passes a drop that the header acknowledges with a reason, and reports it as acknowledged', () => {
    const result = lintSql(`-- Remove the old name.\n${ACK_DROP}\n${DROP}`);
    expect(result.output).toContain('acknowledged');
    expect(result.output).toContain('name moved to display_name in 0.4');
    expect(result.output).toContain('migration lint: 1 file, 0 violations (1 acknowledged)');
    expect(result.code).toBe(0);
  });

  it('fails on an acknowledgement without a reason, or with the placeholder left in', () => {
    for (const header of ['-- rytask:acknowledge ban-drop-column\n', '-- rytask:acknowledge ban-drop-column -- ok\n', '-- rytask:acknowledge ban-drop-column -- <why this is safe for a live RyTask>\n']) {
      const result = lintSql(`${header}${DROP}`);
      expect(result.code, header).toBe(1);
      expect(result.output).toContain('0001_change.sql:1  acknowledgement');
      expect(result.output).toContain('0001_change.sql:2  ban-drop-column');
    }
  });

  it('fails on an acknowledgement of an unknown rule, or one below the first statement', () => {
    const typo = lintSql(`-- rytask:acknowledge ban-drop-colum -- the column is no longer used\n${DROP}`);
    expect(typo.code).toBe(1);
    expect(typo.output).toContain('"ban-drop-colum" is not a rule');
    const late = lintSql(`${DROP}${ACK_DROP}`);
    expect(late.code).toBe(1);
    expect(late.output).toContain('0001_change.sql:2  misplaced-header');
    expect(late.output).toContain('0001_change.sql:1  ban-drop-column');
  });

  it('warns about, but passes, an acknowledgement that matches no change', () => {
    const result = lintSql(`${ACK_DROP}ALTER TABLE users ADD COLUMN nickname text;\n`);
    expect(result.output).toMatch(/warning \S*0001_change\.sql:1 acknowledges ban-drop-column, but nothing in the migration needs it/);
    expect(result.code).toBe(0);
  });

  it('fails on a squawk-ignore comment that would hide a destructive change', () => {
    const result = lintSql(`-- squawk-ignore ban-drop-column\n${DROP}`);
    expect(result.code).toBe(1);
    expect(result.output).toContain('0001_change.sql:1  squawk-ignore');
  });

  it('fails on a plain CREATE INDEX on an existing table, pointing at CONCURRENTLY and no-transaction', () => {
    const result = lintSql('CREATE INDEX users_name_idx ON users (name);\n');
    expect(result.code).toBe(1);
    expect(result.output).toContain('require-concurrent-index-creation');
    expect(result.output).toContain('-- rytask:no-transaction');
  });

  it('passes CREATE INDEX CONCURRENTLY in a no-transaction migration', () => {
    const result = lintSql('-- rytask:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_name_idx ON users (name);\n');
    expect(result.output).toContain('0 violations');
    expect(result.code).toBe(0);
  });

  it('fails on CONCURRENTLY without the no-transaction header, even when acknowledged, because it cannot run', () => {
    const sql = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_name_idx ON users (name);\n';
    for (const header of ['', '-- rytask:acknowledge ban-concurrent-index-creation-in-transaction -- we know what we do\n']) {
      const result = lintSql(`${header}${sql}`);
      expect(result.code).toBe(1);
      expect(result.output).toContain('ban-concurrent-index-creation-in-transaction');
      expect(result.output).not.toContain('-- rytask:acknowledge ban-concurrent-index-creation-in-transaction -- <');
    }
  });

  it('passes indexes and foreign keys on tables created earlier in the same migration, with or without a transaction', () => {
    const sql =
      'CREATE TABLE "labels" ("id" uuid PRIMARY KEY, "user_id" uuid NOT NULL);\n--> statement-breakpoint\n' +
      'ALTER TABLE "labels" ADD CONSTRAINT "labels_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id");--> statement-breakpoint\n' +
      'CREATE INDEX "labels_user_idx" ON "labels" USING btree ("user_id");\n';
    expect(lintSql(sql).code).toBe(0);
    expect(lintSql(`-- rytask:no-transaction\n${sql}`).code).toBe(0);
  });

  it('fails on adding a NOT NULL column without a default, and passes it with one', () => {
    const required = lintSql('ALTER TABLE users ADD COLUMN x text NOT NULL;\n');
    expect(required.code).toBe(1);
    expect(required.output).toContain('adding-required-field');
    expect(required.output).toContain('backfill');
    const withDefault = lintSql("ALTER TABLE users ADD COLUMN x text NOT NULL DEFAULT '';\n");
    expect(withDefault.code).toBe(0);
  });

  it('fails on SET NOT NULL on an existing column', () => {
    const result = lintSql('ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n');
    expect(result.code).toBe(1);
    expect(result.output).toContain('adding-not-nullable-field');
  });

  it('fails on renaming a column or a table', () => {
    const column = lintSql('ALTER TABLE users RENAME COLUMN name TO full_name;\n');
    expect(column.code).toBe(1);
    expect(column.output).toContain('renaming-column');
    const table = lintSql('ALTER TABLE users RENAME TO people;\n');
    expect(table.code).toBe(1);
    expect(table.output).toContain('renaming-table');
  });

  it('fails on changing a column type', () => {
    const result = lintSql('ALTER TABLE users ALTER COLUMN name TYPE varchar(50);\n');
    expect(result.code).toBe(1);
    expect(result.output).toContain('changing-column-type');
    expect(result.output).toContain('ACCESS EXCLUSIVE');
  });

  it('fails on a foreign key without NOT VALID, once, and passes it with NOT VALID', () => {
    const plain = lintSql('ALTER TABLE sessions ADD CONSTRAINT s_fk FOREIGN KEY (user_id) REFERENCES users(id);\n');
    expect(plain.code).toBe(1);
    expect(plain.output).toContain('adding-foreign-key-constraint');
    expect(plain.output).toContain('1 violation');
    const notValid = lintSql('ALTER TABLE sessions ADD CONSTRAINT s_fk FOREIGN KEY (user_id) REFERENCES users(id) NOT VALID;\n');
    expect(notValid.code).toBe(0);
  });

  it('fails on a file squawk cannot parse, naming the file', () => {
    const result = lintSql('this is not sql at all (((\n', '0003_garbage.sql');
    expect(result.code).toBe(1);
    expect(result.output).toContain('0003_garbage.sql:1  syntax-error');
  });

  it('counts files, violations and acknowledgements across a folder', () => {
    const dir = migrations({
      '0001_ok.sql': 'ALTER TABLE users ADD COLUMN nickname text;\n',
      '0002_drop.sql': `${ACK_DROP}${DROP}`,
      '0003_rename.sql': 'ALTER TABLE users RENAME COLUMN email TO mail;\n',
    });
    const result = lint(dir);
    expect(result.output).toContain('migration lint: 3 files, 1 violation (1 acknowledged)');
    expect(result.code).toBe(1);
  });

  it('exits 2, never 0, when squawk is missing, crashes or prints no report', () => {
    const dir = migrations({ '0001_drop.sql': DROP });
    const crash = join(dir, 'crash.sh');
    writeFileSync(crash, '#!/bin/sh\necho "thread main panicked" >&2\nexit 101\n');
    const silent = join(dir, 'silent.sh');
    writeFileSync(silent, '#!/bin/sh\nexit 0\n');
    chmodSync(crash, 0o755);
    chmodSync(silent, 0o755);
    for (const binary of [join(dir, 'missing'), crash, silent]) {
      const result = lint('--squawk', binary, dir);
      expect(result.code, binary).toBe(2);
      expect(result.output).toContain('migration lint could not run');
    }
  });

  it('exits 2 on a path with no migrations, so a typo cannot switch the check off', () => {
    const result = lint(mkdtempSync(join(tmpdir(), 'rytask-lint-empty-')));
    expect(result.code).toBe(2);
    expect(result.output).toContain('No .sql files');
  });
});
