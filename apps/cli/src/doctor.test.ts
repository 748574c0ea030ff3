// `rytask doctor` end to end, as a separate process against real PostgreSQL: the exit code and what
// the operator reads. (Each kind of drift in depth: packages/db/src/doctor/doctor.test.ts.)
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminUrl, withClient, useTestDatabases } from '../../../test/support/db';
import { rytask } from '../../../test/support/cli';

const { database, cleanup } = useTestDatabases();
const migratedDatabase = () => database('migrated');

const sql = (url: string, text: string) => withClient(url, (c) => c.query(text));

describe('rytask doctor', () => {
  it('exits 0 saying there is no drift on a freshly migrated database', async () => {
    const db = await migratedDatabase();
    const result = await rytask(['doctor'], { DATABASE_URL: db.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No drift: the database schema is exactly what the migrations produce.');
  });

  it('exits 1 listing a column added by hand, how drift happens and what to do', async () => {
    const db = await migratedDatabase();
    await sql(db.url, 'ALTER TABLE users ADD COLUMN nickname text');
    const result = await rytask(['doctor'], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  - column users.nickname: in the database, not in the migrations (text)');
    expect(result.stdout).toContain('drizzle-kit push');
    expect(result.stdout).toContain('npm run migration:new');
    expect(result.stdout).toContain('restore a backup');
  });

  it('prints { ok, differences } with --json', async () => {
    const db = await migratedDatabase();
    await sql(db.url, 'DROP INDEX sessions_expires_at_idx');
    const result = await rytask(['doctor', '--json'], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      differences: [
        'index sessions_expires_at_idx: missing from the database (CREATE INDEX sessions_expires_at_idx ON sessions USING btree (expires_at))',
      ],
    });
  });

  it('exits 2 explaining CREATEDB when the role may not create the scratch database', async () => {
    const db = await migratedDatabase();
    const role = `cli_doctor_${randomBytes(4).toString('hex')}`;
    await sql(adminUrl(), `CREATE ROLE ${role} LOGIN PASSWORD 'secret' NOCREATEDB`);
    cleanup(() => sql(adminUrl(), `DROP ROLE IF EXISTS ${role}`));
    const url = new URL(db.url);
    url.username = role;
    url.password = 'secret';
    const result = await rytask(['doctor'], { DATABASE_URL: url.toString() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The drift check could not run');
    expect(result.stderr).toContain('ALTER ROLE');
    expect(result.stderr).toContain('CREATEDB');
  });

  it('exits 2 saying what to check when the database cannot be reached', async () => {
    const result = await rytask(['doctor'], { DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot reach the database');
    expect(result.stderr).toContain('ECONNREFUSED');
    expect(result.stderr).toContain('Check DATABASE_URL');
  });
});
