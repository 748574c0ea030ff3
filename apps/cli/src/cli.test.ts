// The `rytask` command end to end, as separate processes against real PostgreSQL: exit codes and
// what the operator reads. (Migrator semantics in depth: packages/db/src/migrator/migrate.test.ts.)
import { verifyPassword } from '@rytask/core';
import { describe, expect, it } from 'vitest';
import { databaseUrl as createTestDatabaseUrlFor, snapshot, withClient, type TestDatabase, useTestDatabases } from '../../../test/support/db';
import { rytask } from '../../../test/support/cli';
import { COMMITTED, nextTag } from '../../../test/support/migrations';

const { database } = useTestDatabases();

const rows = (db: TestDatabase, sql: string) => withClient(db.url, async (c) => (await c.query(sql)).rows);

describe('rytask migrate', () => {
  it('applies everything once when five processes start together on an empty database', async () => {
    const db = await database('empty');
    const results = await Promise.all(Array.from({ length: 5 }, () => rytask(['migrate'], { DATABASE_URL: db.url })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(await rows(db, 'SELECT name FROM rytask_migrations ORDER BY id')).toEqual(COMMITTED.map((name) => ({ name })));
    expect(await rows(db, 'SELECT count(*)::int AS n FROM users')).toEqual([{ n: 1 }]);
    expect(await rows(db, 'SELECT count(*)::int AS n FROM organizations')).toEqual([{ n: 1 }]);
    // The one-time password is printed by exactly one of them.
    expect(results.filter((r) => r.stdout.includes('password:'))).toHaveLength(1);
  });

  it('prints the generated password once with the login URL, then is a no-op', async () => {
    const db = await database('empty');
    const first = await rytask(['migrate'], { DATABASE_URL: db.url, PUBLIC_URL: 'https://tasks.example.com' });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Sign in at https://tasks.example.com');
    expect(first.stdout).toMatch(/password: [A-Za-z2-9]{24}/);
    const before = await snapshot(db.url);
    const second = await rytask(['migrate'], { DATABASE_URL: db.url });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Nothing to migrate');
    expect(second.stdout).not.toContain('password:');
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('skips the seed with --no-seed', async () => {
    const db = await database('empty');
    expect((await rytask(['migrate', '--no-seed'], { DATABASE_URL: db.url })).code).toBe(0);
    expect(await rows(db, 'SELECT * FROM users')).toEqual([]);
  });

  it('exits non-zero printing the migration, the statement and PostgreSQL error, leaving the database as it was', async () => {
    const db = await database('empty');
    // A table in the way: 0000_init's first statements succeed, then CREATE TABLE "users" fails.
    await rows(db, 'CREATE TABLE users (legacy text)');
    const before = await snapshot(db.url);
    const result = await rytask(['migrate'], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Migration 0000_init failed');
    expect(result.stderr).toContain('statement: CREATE TABLE "users"');
    expect(result.stderr).toContain('relation "users" already exists');
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('refuses a database that is newer than the code, in those words', async () => {
    const db = await database('migrated');
    await rows(db, `INSERT INTO rytask_migrations (id, name, checksum, duration_ms, app_version, run_id)
                    VALUES (99, '0099_from_the_future', 'x', 1, '9.9.9', gen_random_uuid())`);
    const result = await rytask(['migrate'], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The database is newer than this code');
    expect(result.stderr).toContain('restore the backup taken before the upgrade');
    expect(result.stderr).toContain('check out the newer version');
  });

  it('refuses when an applied migration file changed, showing both checksums', async () => {
    const db = await database('migrated');
    await rows(db, `UPDATE rytask_migrations SET checksum = 'aaaa' WHERE name = '0000_init'`);
    const result = await rytask(['migrate'], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('0000_init.sql');
    expect(result.stderr).toContain('checksum when applied: aaaa');
    expect(result.stderr).toMatch(/checksum of the file now: [0-9a-f]{64}/);
  });

  it('has no way to migrate down: forward-only', async () => {
    expect((await rytask(['migrate', '--down'])).code).toBe(2);
    expect((await rytask(['rollback'])).code).toBe(2);
  });
});

describe('rytask status', () => {
  it('exits 0 only when the database matches the code exactly', async () => {
    const db = await database('empty');
    const pending = await rytask(['status'], { DATABASE_URL: db.url });
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain(`Pending (${COMMITTED.length}):\n${COMMITTED.map((name) => `  ${name}`).join('\n')}\n`);
    expect(pending.stdout).toContain('Run `rytask migrate`');
    await rytask(['migrate'], { DATABASE_URL: db.url });
    const ok = await rytask(['status'], { DATABASE_URL: db.url });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('The database matches this code exactly.');
  });

  it('reports applied, pending, unknown and changed as JSON', async () => {
    const db = await database('migrated');
    await rows(db, `UPDATE rytask_migrations SET checksum = 'bbbb'`);
    await rows(db, `INSERT INTO rytask_migrations (id, name, checksum, duration_ms, app_version, run_id)
                    VALUES (${COMMITTED.length + 1}, '${nextTag('unknown')}', 'x', 1, '9', gen_random_uuid())`);
    const result = await rytask(['status', '--json'], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({ ok: false, pending: [], unknown: [nextTag('unknown')], outOfOrder: [] });
    expect(status.applied.map((m: { name: string }) => m.name)).toEqual(COMMITTED);
    expect(status.changed).toEqual(
      COMMITTED.map((name) => ({ name, appliedChecksum: 'bbbb', fileChecksum: expect.stringMatching(/^[0-9a-f]{64}$/) })),
    );
  });
});

describe('api and worker at boot', () => {
  for (const command of ['api', 'worker']) {
    it(`${command} refuses to start while migrations are pending`, async () => {
      const db = await database('empty');
      const result = await rytask([command], { DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Refusing to start');
      expect(result.stderr).toContain('0000_init');
      expect(result.stderr).toContain('Run `rytask migrate`');
    });

    it(`${command} refuses to start on a database newer than the code`, async () => {
      const db = await database('migrated');
      await rows(db, `INSERT INTO rytask_migrations (id, name, checksum, duration_ms, app_version, run_id)
                      VALUES (${COMMITTED.length + 1}, '${nextTag('newer')}', 'x', 1, '9', gen_random_uuid())`);
      const result = await rytask([command], { DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('The database is newer than this code');
    });
  }
});

describe('configuration', () => {
  it('reports every problem in one message and exits non-zero', async () => {
    const result = await rytask(['migrate'], { DATABASE_URL: 'mysql://nope', PORT: 'eighty', RYTASK_ADMIN_PASSWORD: 'short' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('3 problem(s)');
    expect(result.stderr).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(result.stderr).toContain('PORT:');
    expect(result.stderr).toContain('RYTASK_ADMIN_PASSWORD: must be at least 12 characters');
  });

  it('says to set DATABASE_URL when it is missing', async () => {
    const result = await rytask(['migrate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL is not set');
  });

  it('explains an unreachable database and exits non-zero', async () => {
    const result = await rytask(['status'], { DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot connect to the database: nothing accepts connections at that address');
    expect(result.stderr).toContain('Check DATABASE_URL');
    expect(result.stderr).not.toContain('    at '); // no stack trace
  });

  it('says plainly when the password is rejected or the database does not exist', async () => {
    const url = new URL(createTestDatabaseUrlFor('postgres'));
    url.password = 'wrong';
    const wrong = await rytask(['status'], { DATABASE_URL: url.toString() });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('the password was rejected');
    const missing = await rytask(['status'], { DATABASE_URL: createTestDatabaseUrlFor('no_such_database') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the database does not exist');
  });

  it('rejects unknown commands with a usage error', async () => {
    const result = await rytask(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });
});

describe('rytask organization', () => {
  it('creates an organization whose new owner gets a one-time password, and lists it', async () => {
    const db = await database('migrated');
    const result = await rytask(['organization', 'create', '--name', 'Beta Team', '--owner-email', 'Sam@Beta.test'], {
      DATABASE_URL: db.url,
      PUBLIC_URL: 'https://tasks.example.com',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created organization "Beta Team" (slug beta-team).');
    expect(result.stdout).toContain('Sign in at https://tasks.example.com');
    expect(result.stdout).toMatch(/password: [A-Za-z2-9]{24}/);
    expect(await rows(db, `SELECT u.email, u.handle, u.must_change_password, m.role FROM users u JOIN memberships m ON m.user_id = u.id
                           JOIN organizations o ON o.id = m.organization_id WHERE o.slug = 'beta-team'`)).toEqual([
      { email: 'Sam@Beta.test', handle: 'sam', must_change_password: true, role: 'OWNER' },
    ]);
    // Same name again: another organization with its own slug; the existing account becomes its owner
    // (no new password), matched case-insensitively.
    const again = await rytask(['organization', 'create', '--name', 'Beta Team', '--owner-email', 'sam@beta.test'], { DATABASE_URL: db.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(slug beta-team-2)');
    expect(again.stdout).toContain('existing account Sam@Beta.test');
    expect(again.stdout).not.toContain('password:');
    expect(await rows(db, "SELECT count(*)::int AS n FROM users WHERE lower(email) = 'sam@beta.test'")).toEqual([{ n: 1 }]);

    const list = await rytask(['organization', 'list', '--json'], { DATABASE_URL: db.url });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).filter((o: { name: string }) => o.name === 'Beta Team')).toEqual([
      expect.objectContaining({ slug: 'beta-team', members: 1, owners: ['Sam@Beta.test'] }),
      expect.objectContaining({ slug: 'beta-team-2', members: 1, owners: ['Sam@Beta.test'] }),
    ]);
  });

  it('gives a taken handle a number', async () => {
    const db = await database('migrated');
    await rows(db, "INSERT INTO users (email, name, handle, password_hash) VALUES ('sam@one.test', 'Sam', 'sam', 'x')");
    const result = await rytask(['organization', 'create', '--name', 'Two', '--owner-email', 'sam@two.test'], { DATABASE_URL: db.url });
    expect(result.code).toBe(0);
    expect(await rows(db, "SELECT handle FROM users WHERE email = 'sam@two.test'")).toEqual([{ handle: 'sam2' }]);
  });

  it('refuses bad input with a usage or a plain message, non-zero, creating nothing', async () => {
    const db = await database('migrated');
    const before = await snapshot(db.url);
    const missing = await rytask(['organization', 'create', '--name', 'X'], { DATABASE_URL: db.url });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Both --name and --owner-email are needed.');
    const unknown = await rytask(['organization', 'rename'], { DATABASE_URL: db.url });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown action "rename"');
    const badEmail = await rytask(['organization', 'create', '--name', 'X', '--owner-email', 'not-an-email'], { DATABASE_URL: db.url });
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain('"not-an-email" is not an email address.');
    expect(badEmail.stderr).not.toContain('    at ');
    const blank = await rytask(['organization', 'create', '--name', '  ', '--owner-email', 'a@b.test'], { DATABASE_URL: db.url });
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain('Give the organization a name');
    expect(await snapshot(db.url)).toEqual(before);
  });
});

describe('rytask user reset-password', () => {
  it('sets a one-time password that must be changed, signs the person out everywhere and lifts the lockout', async () => {
    const db = await database('migrated');
    await rows(db, `INSERT INTO users (email, name, handle, password_hash) VALUES ('Kim@Example.test', 'Kim', 'kim', 'old-hash')`);
    await rows(db, "INSERT INTO organizations (name, slug) VALUES ('Kim''s team', 'kims-team')");
    await rows(db, `INSERT INTO sessions (token_hash, user_id, organization_id, expires_at)
                    SELECT 'h' || g, u.id, o.id, now() + interval '1 day' FROM users u, organizations o, generate_series(1, 2) g WHERE u.handle = 'kim'`);
    await rows(db, "INSERT INTO login_attempts (email, ip, succeeded) SELECT 'kim@example.test', '10.0.0.1', false FROM generate_series(1, 12)");
    const result = await rytask(['user', 'reset-password', '--email', 'kim@example.test'], { DATABASE_URL: db.url, PUBLIC_URL: 'https://tasks.example.com' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Password reset for Kim@Example.test; 2 sessions signed out.');
    expect(result.stdout).toContain('Sign in at https://tasks.example.com');
    const password = /password: ([A-Za-z2-9]{24})/.exec(result.stdout)![1]!;
    const [user] = await rows(db, "SELECT password_hash, must_change_password FROM users WHERE handle = 'kim'");
    expect(user).toMatchObject({ must_change_password: true });
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.password_hash as string, password)).toBe(true);
    expect(await rows(db, "SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.handle = 'kim'")).toEqual([{ n: 0 }]);
    expect(await rows(db, "SELECT count(*)::int AS n FROM login_attempts WHERE email = 'kim@example.test' AND NOT succeeded")).toEqual([{ n: 0 }]);
  });

  it('says so when no account has the email, and when the email or the action is missing, changing nothing', async () => {
    const db = await database('migrated');
    const before = await snapshot(db.url);
    const unknown = await rytask(['user', 'reset-password', '--email', 'nobody@example.test'], { DATABASE_URL: db.url });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account has the email nobody@example.test.');
    expect(unknown.stderr).not.toContain('    at ');
    expect((await rytask(['user', 'reset-password'], { DATABASE_URL: db.url })).code).toBe(2);
    expect((await rytask(['user', 'delete', '--email', 'x@y.test'], { DATABASE_URL: db.url })).stderr).toContain('Unknown action "delete"');
    expect(await snapshot(db.url)).toEqual(before);
  });
});
