// The committed migrations themselves: in order, in step with the drizzle schema, and the tooling
// that creates new ones (and refuses `drizzle-kit push`).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations } from './migrator/index';
import { pushRefusal } from '../scripts/push-guard.mjs';

const dbPackage = join(defaultMigrationsDir(), '..');
const repoRoot = join(dbPackage, '..', '..');

/** A copy of packages/db to run drizzle-kit in, so tests never touch the committed files. */
function scratchDbPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rytask-dbpkg-'));
  for (const entry of ['package.json', 'drizzle.config.ts', 'scripts', 'src', 'migrations']) {
    cpSync(join(dbPackage, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const journal = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };

describe('committed migrations', () => {
  it('has a strictly ordered journal that lists exactly the migration files', () => {
    const { entries } = journal(dbPackage);
    entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      if (i > 0) expect(entry.when).toBeGreaterThan(entries[i - 1]!.when);
      expect(entry.tag.startsWith(String(i).padStart(4, '0') + '_')).toBe(true);
    });
    const files = readdirSync(join(dbPackage, 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(files.sort()).toEqual(entries.map((e) => `${e.tag}.sql`).sort());
    expect(loadMigrations().map((m) => m.name)).toEqual(entries.map((e) => e.tag));
  });

  it('has no down migrations: every file only moves forward', () => {
    const files = readdirSync(join(dbPackage, 'migrations'));
    expect(files.filter((f) => /down|rollback|revert/i.test(f))).toEqual([]);
  });

  it('matches the drizzle schema: generating from it produces nothing new', () => {
    const dir = scratchDbPackage();
    const before = journal(dir).entries.length;
    const result = spawnSync(process.execPath, ['scripts/migration.mjs', 'generate', '--name', 'should_be_empty'], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('No schema changes');
    expect(journal(dir).entries).toHaveLength(before);
  });
});

describe('npm run migration:new', () => {
  it('creates an empty migration at the end of the journal and prints its path', () => {
    const dir = scratchDbPackage();
    const result = spawnSync(process.execPath, [join(dir, 'scripts/migration.mjs'), 'new', '--name', 'add_widgets'], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const entries = journal(dir).entries;
    const last = entries.at(-1)!;
    expect(last.tag).toBe(`${String(entries.length - 1).padStart(4, '0')}_add_widgets`);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(join('migrations', `${last.tag}.sql`));
  });

  it('refuses a missing or badly formed name', () => {
    const dir = scratchDbPackage();
    for (const args of [[], ['--name', 'Bad Name!']]) {
      const result = spawnSync(process.execPath, ['scripts/migration.mjs', 'new', ...args], { cwd: dir, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('--name');
    }
  });
});

describe('drizzle-kit push guard', () => {
  it('refuses push without RYTASK_ALLOW_PUSH=1, pointing at migrations', () => {
    expect(pushRefusal({ DATABASE_URL: 'postgres://localhost/rytask_throwaway' })).toContain('npm run migration:generate');
  });

  it('refuses push to anything but a throwaway local database even when allowed', () => {
    expect(pushRefusal({ RYTASK_ALLOW_PUSH: '1', DATABASE_URL: 'postgres://db.example.com/rytask_test' })).toContain('not a throwaway local database');
    expect(pushRefusal({ RYTASK_ALLOW_PUSH: '1', DATABASE_URL: 'postgres://localhost/rytask' })).toContain('not a throwaway local database');
    expect(pushRefusal({ RYTASK_ALLOW_PUSH: '1', DATABASE_URL: 'postgres://localhost/rytask_scratch' })).toBeNull();
  });

  it('stops a real `drizzle-kit push` before it connects', () => {
    const dir = scratchDbPackage();
    const drizzleKit = join(repoRoot, 'node_modules', 'drizzle-kit', 'bin.cjs');
    const result = spawnSync(process.execPath, [drizzleKit, 'push'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://prod.example.com/rytask' },
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('drizzle-kit push is disabled in RyTask');
  });

  it('is not run by any npm script', () => {
    const scripts = ['package.json', 'packages/db/package.json'].map((f) => JSON.parse(readFileSync(join(repoRoot, f), 'utf8')).scripts ?? {});
    expect(JSON.stringify(scripts)).not.toMatch(/push/);
  });
});
