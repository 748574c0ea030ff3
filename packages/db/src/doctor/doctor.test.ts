// Drift detection on real PostgreSQL: each kind of hand edit on a migrated database is caught and
// named, and the scratch database the check builds never outlives it.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, withClient, useTestDatabases } from '../../../../test/support/db';
import { MigrationsDir } from '../../../../test/support/migrations';
import { ScratchDatabaseError } from '../scratch-database';
import { describeSchema, type SchemaDescription } from './describe';
import { diffSchemas } from './diff';
import { expectedSchema } from './expected';
import { checkDrift, DoctorError } from './index';

const { database, cleanup } = useTestDatabases();
const migratedDatabase = () => database('migrated');

const sql = (url: string, text: string) => withClient(url, (c) => c.query(text));

// Built once through the real path (scratch database + migrations); each test diffs against it.
let expected: SchemaDescription;
beforeAll(async () => {
  expected = await expectedSchema(adminUrl());
});

async function driftAfter(statements: string): Promise<string[]> {
  const db = await migratedDatabase();
  await sql(db.url, statements);
  return diffSchemas(expected, await withClient(db.url, describeSchema));
}

describe('drift detection', () => {
  it('finds no drift on a freshly migrated database', async () => {
    const db = await migratedDatabase();
    expect(await checkDrift({ databaseUrl: db.url })).toEqual({ differences: [] });
  });

  it('finds no drift after the seed: it writes rows, never schema', async () => {
    const db = await migratedDatabase();
    await sql(db.url, `INSERT INTO organizations (name, slug) VALUES ('Acme', 'acme')`);
    expect(diffSchemas(expected, await withClient(db.url, describeSchema))).toEqual([]);
  });

  it('names a column added by hand', async () => {
    expect(await driftAfter('ALTER TABLE users ADD COLUMN nickname text')).toEqual([
      'column users.nickname: in the database, not in the migrations (text)',
    ]);
  });

  it('names a changed column type, and the index it changed along the way', async () => {
    expect(await driftAfter('ALTER TABLE users ALTER COLUMN email TYPE varchar(100)')).toEqual([
      'column users.email: type text expected, character varying(100) found',
      // PostgreSQL rewrote the expression index on lower(email) with a cast: a real difference too.
      'index users_email_lower_key: definition CREATE UNIQUE INDEX users_email_lower_key ON users USING btree (lower(email)) expected, ' +
        'CREATE UNIQUE INDEX users_email_lower_key ON users USING btree (lower((email)::text)) found',
    ]);
  });

  it('names a dropped NOT NULL', async () => {
    expect(await driftAfter('ALTER TABLE users ALTER COLUMN name DROP NOT NULL')).toEqual([
      'column users.name: NOT NULL expected, nullable found',
    ]);
  });

  it('names a changed default', async () => {
    expect(await driftAfter('ALTER TABLE users ALTER COLUMN must_change_password SET DEFAULT true')).toEqual([
      'column users.must_change_password: default false expected, true found',
    ]);
  });

  it('names a dropped index', async () => {
    expect(await driftAfter('DROP INDEX users_email_lower_key')).toEqual([
      'index users_email_lower_key: missing from the database (CREATE UNIQUE INDEX users_email_lower_key ON users USING btree (lower(email)))',
    ]);
  });

  it('names an index added by hand', async () => {
    expect(await driftAfter('CREATE INDEX users_name_idx ON users (name)')).toEqual([
      'index users_name_idx: in the database, not in the migrations (CREATE INDEX users_name_idx ON users USING btree (name))',
    ]);
  });

  it('names a table added by hand, once', async () => {
    expect(await driftAfter('CREATE TABLE notes (id serial PRIMARY KEY, body text)')).toEqual([
      'table notes: in the database, not in the migrations',
      // serial creates a sequence alongside the table: also not from the migrations.
      'sequence notes_id_seq: in the database, not in the migrations (AS integer START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1)',
    ]);
  });

  it('names an enum label added by hand', async () => {
    expect(await driftAfter(`ALTER TYPE member_role ADD VALUE 'GUEST'`)).toEqual([
      'enum member_role: labels OWNER,ADMIN,MEMBER,VIEWER expected, OWNER,ADMIN,MEMBER,VIEWER,GUEST found',
    ]);
  });

  it('names a dropped constraint', async () => {
    expect(await driftAfter('ALTER TABLE sessions DROP CONSTRAINT sessions_user_id_users_id_fk')).toEqual([
      'constraint sessions.sessions_user_id_users_id_fk: missing from the database (FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE)',
    ]);
  });

  it('names a trigger and its function added by hand', async () => {
    const lines = await driftAfter(`
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
      CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();`);
    expect(lines).toEqual([
      'function touch(): in the database, not in the migrations',
      'trigger users.users_touch: in the database, not in the migrations (CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION touch())',
    ]);
  });

  it('lists every difference at once, through checkDrift', async () => {
    const db = await migratedDatabase();
    await sql(db.url, 'ALTER TABLE users ADD COLUMN nickname text; DROP INDEX sessions_user_idx');
    const { differences } = await checkDrift({ databaseUrl: db.url });
    expect(differences).toEqual([
      'column users.nickname: in the database, not in the migrations (text)',
      'index sessions_user_idx: missing from the database (CREATE INDEX sessions_user_idx ON sessions USING btree (user_id))',
    ]);
  });

  it('ignores other schemas, such as the one graphile-worker installs itself', async () => {
    const db = await migratedDatabase();
    await sql(db.url, 'CREATE SCHEMA graphile_worker; CREATE TABLE graphile_worker.jobs (id bigserial PRIMARY KEY)');
    expect(await checkDrift({ databaseUrl: db.url })).toEqual({ differences: [] });
  });
});

describe('the scratch database', () => {
  const exists = async (name: string) =>
    (await withClient(adminUrl(), (c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]))).rowCount === 1;

  it('is dropped even when the migrations fail on it, and the error says your database was not touched', async () => {
    const db = await migratedDatabase();
    const dir = new MigrationsDir();
    dir.add('broken', ['SELECT 1/0']);
    const error = await checkDrift({ databaseUrl: db.url, migrationsDir: dir.path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoctorError);
    expect((error as Error).message).toContain('your database was not touched');
    expect((error as Error).message).toContain('division by zero');
    // Other test files may have their own scratch databases right now: check for this one.
    const scratch = /rytask_doctor_[0-9a-f]{12}/.exec((error as Error).message)?.[0];
    expect(scratch).toBeDefined();
    expect(await exists(scratch!)).toBe(false);
  });

  it('is never created when the check is stopped first', async () => {
    const db = await migratedDatabase();
    const error = await checkDrift({ databaseUrl: db.url, signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoctorError);
    expect((error as Error).message).toContain('stopped');
  });

  it('needs CREATEDB, and the error says so and what to do', async () => {
    const db = await migratedDatabase();
    const role = `doctor_${randomBytes(4).toString('hex')}`;
    await sql(adminUrl(), `CREATE ROLE ${role} LOGIN PASSWORD 'secret' NOCREATEDB`);
    cleanup(() => sql(adminUrl(), `DROP ROLE IF EXISTS ${role}`));
    const url = new URL(db.url);
    url.username = role;
    url.password = 'secret';
    const error = await checkDrift({ databaseUrl: url.toString() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScratchDatabaseError);
    expect((error as Error).message).toContain('permission denied to create database');
    expect((error as Error).message).toContain('CREATEDB');
  });
});
