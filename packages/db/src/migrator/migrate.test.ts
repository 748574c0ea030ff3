import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshot, withClient, type TestDatabase, useTestDatabases } from '../../../../test/support/db';
import { COMMITTED, MigrationsDir } from '../../../../test/support/migrations';
import { MigrationError } from './errors';
import { migrate, type MigrateOptions } from './migrate';
import { readHistory } from './history';
import { MIGRATION_LOCK_KEY } from './lock';

const { database } = useTestDatabases();
const emptyDatabase = () => database('empty');

function run(db: TestDatabase, dir: MigrationsDir | undefined, extra: Partial<MigrateOptions> = {}) {
  const log: string[] = [];
  const promise = migrate({
    databaseUrl: db.url,
    appVersion: '1.2.3',
    migrationsDir: dir?.path,
    lockWaitMs: 5_000,
    lockTimeoutMs: 5_000,
    log: (line) => log.push(line),
    ...extra,
  });
  return { promise, log };
}

async function expectRefusal(promise: Promise<unknown>, kind: string): Promise<MigrationError> {
  const error = await promise.then(
    () => expect.fail('expected the migrator to refuse'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  expect((error as MigrationError).kind).toBe(kind);
  return error as MigrationError;
}

describe('migrate', () => {
  it('records each applied migration with checksum, time, duration and app version', async () => {
    const db = await emptyDatabase();
    const result = await run(db, undefined).promise;
    expect(result.applied).toEqual(COMMITTED);
    const history = await withClient(db.url, readHistory);
    expect(history.map((row) => row.name)).toEqual(COMMITTED);
    for (const row of history) {
      expect(row).toMatchObject({ appVersion: '1.2.3' });
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.durationMs).toBeGreaterThanOrEqual(0);
      expect(row.appliedAt).toBeInstanceOf(Date);
    }
  });

  it('leaves schema and every row unchanged when run ten times instead of once', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    dir.add('widgets', ['CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL)', "INSERT INTO widgets (name) VALUES ('a'), ('b')"]);
    await run(db, dir).promise;
    const once = await snapshot(db.url);
    for (let i = 0; i < 9; i++) {
      const result = await run(db, dir).promise;
      expect(result.applied).toEqual([]);
    }
    expect(await snapshot(db.url)).toEqual(once);
  });

  it('leaves schema and data untouched when a migration fails after earlier statements of the run succeeded', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    dir.add('notes', ['CREATE TABLE notes (id serial PRIMARY KEY, body text)', "INSERT INTO notes (body) VALUES ('keep me')"]);
    await run(db, dir).promise;
    const before = await snapshot(db.url);

    const good = dir.add('tags', ['CREATE TABLE tags (id serial PRIMARY KEY)', "UPDATE notes SET body = 'changed'"]);
    const bad = dir.add('broken', ['ALTER TABLE notes ADD COLUMN title text', 'ALTER TABLE no_such_table ADD COLUMN x int']);
    const error = await expectRefusal(run(db, dir).promise, 'migration_failed');

    expect(error.message).toContain(bad);
    expect(error.message).toContain('ALTER TABLE no_such_table ADD COLUMN x int');
    expect(error.message).toContain('relation "no_such_table" does not exist');
    expect(error.message).toContain('Nothing of this run remains');
    expect(await snapshot(db.url)).toEqual(before);
    expect((await withClient(db.url, readHistory)).map((row) => row.name)).not.toContain(good);
  });

  it('leaves no trace, not even a history table, when the very first run fails', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    dir.add('broken', ['SELECT 1/0']);
    const before = await snapshot(db.url);
    await expectRefusal(run(db, dir).promise, 'migration_failed');
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('runs a no-transaction migration on its own, after everything before it has committed', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    const events = dir.add('events', ['CREATE TABLE events (id serial PRIMARY KEY, at timestamptz)']);
    const index = dir.add('events_at_idx', ['CREATE INDEX CONCURRENTLY IF NOT EXISTS events_at_idx ON events (at)'], {
      header: '-- rytask:no-transaction (CREATE INDEX CONCURRENTLY cannot run inside a transaction)',
    });
    const after = dir.add('after', ['ALTER TABLE events ADD COLUMN kind text']);
    const result = await run(db, dir).promise;
    expect(result.applied).toEqual([...COMMITTED, events, index, after]);
    const indexes = await withClient(db.url, (c) => c.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'events'`));
    expect(indexes.rows.map((r) => r.indexname)).toContain('events_at_idx');
  });

  it('keeps what committed before a failing no-transaction migration and retries that one next run', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    const events = dir.add('events', ['CREATE TABLE events (id serial PRIMARY KEY, at timestamptz)']);
    const concurrent = dir.add('bad_idx', ['CREATE INDEX CONCURRENTLY IF NOT EXISTS x_idx ON missing_table (at)'], {
      header: '-- rytask:no-transaction',
    });
    const error = await expectRefusal(run(db, dir).promise, 'migration_failed');
    expect(error.message).toContain(`committed earlier in this run stay applied: ${[...COMMITTED, events].join(', ')}.`);
    const history = await withClient(db.url, readHistory);
    expect(history.map((row) => row.name)).toEqual([...COMMITTED, events]);
    writeFileSync(dir.file(concurrent), '-- rytask:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS x_idx ON events (at)');
    expect((await run(db, dir).promise).applied).toEqual([concurrent]);
  });

  it('applies every migration exactly once when runners start together', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    const slow = dir.add('slow', ['CREATE TABLE slow (id int)', 'SELECT pg_sleep(0.3)']);
    const results = await Promise.all(Array.from({ length: 5 }, () => run(db, dir).promise));
    expect(results.flatMap((r) => r.applied).sort()).toEqual([...COMMITTED, slow].sort());
    const history = await withClient(db.url, readHistory);
    expect(history.map((row) => row.name)).toEqual([...COMMITTED, slow]);
  });

  it('says it is waiting for another runner and gives up with a clear error after the configured time', async () => {
    const db = await emptyDatabase();
    await withClient(db.url, async (holder) => {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const { promise, log } = run(db, undefined, { lockWaitMs: 800 });
      const error = await expectRefusal(promise, 'lock_wait_timeout');
      expect(log.join('\n')).toMatch(/Waiting for another migration run to finish \(PostgreSQL backend pid \d+\)/);
      expect(error.message).toContain('Gave up after 1 s');
      expect(error.message).toContain('Nothing was changed');
    });
    expect(await withClient(db.url, readHistory)).toEqual([]);
  });

  it('refuses a migration whose file changed after it was applied, naming the file and both checksums', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    const tag = dir.add('notes', ['CREATE TABLE notes (id int)']);
    await run(db, dir).promise;
    const [applied] = (await withClient(db.url, readHistory)).filter((row) => row.name === tag);
    writeFileSync(dir.file(tag), 'CREATE TABLE notes (id bigint)');
    const error = await expectRefusal(run(db, dir).promise, 'migration_changed');
    expect(error.message).toContain(dir.file(tag));
    expect(error.message).toContain(applied!.checksum);
    expect(error.message).toMatch(/checksum of the file now: [0-9a-f]{64}/);
  });

  it('refuses a database that has migrations this code does not know (the database is newer)', async () => {
    const db = await emptyDatabase();
    const newer = new MigrationsDir();
    const future = newer.add('from_the_future', ['CREATE TABLE future (id int)']);
    await run(db, newer).promise;
    const before = await snapshot(db.url);
    const error = await expectRefusal(run(db, new MigrationsDir()).promise, 'database_newer');
    expect(error.message).toContain('The database is newer than this code');
    expect(error.message).toContain(future);
    expect(error.message).toContain('restore the backup taken before the upgrade');
    expect(error.message).toContain('check out the newer version');
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('refuses a migration added at an earlier position than the last applied one, never skipping it', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    const first = dir.add('first', ['CREATE TABLE first (id int)']);
    const later = dir.add('later', ['CREATE TABLE later (id int)']);
    await run(db, dir).promise;
    // Someone inserts a migration between the applied `first` and `later` (e.g. a merge of two
    // branches that both numbered a migration after `first`).
    const journal = dir.journal();
    const firstEntry = journal.entries.find((e) => e.tag === first)!;
    const laterEntry = journal.entries.find((e) => e.tag === later)!;
    expect(journal.entries.slice(-2)).toEqual([firstEntry, laterEntry]);
    const slippedTag = first.replace(/_first$/, '_slipped_in');
    const slipped = { ...firstEntry, tag: slippedTag, when: firstEntry.when + 1 };
    writeFileSync(dir.file(slippedTag), 'CREATE TABLE slipped (id int)');
    const entries = [...journal.entries.slice(0, -2), firstEntry, slipped, laterEntry];
    dir.writeJournal({ ...journal, entries: entries.map((e, idx) => ({ ...e, idx })) });
    writeFileSync(dir.file(later), readFileSync(dir.file(later), 'utf8'));
    const error = await expectRefusal(run(db, dir).promise, 'out_of_order');
    expect(error.message).toContain(slippedTag);
    const tables = await withClient(db.url, (c) => c.query(`SELECT to_regclass('slipped') AS t`));
    expect(tables.rows[0].t).toBeNull();
  });

  it('fails cleanly on lock_timeout instead of queueing behind live traffic, changing nothing', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    dir.add('notes', ['CREATE TABLE notes (id int)', 'INSERT INTO notes VALUES (1)']);
    await run(db, dir).promise;
    const more = dir.add('more', ['CREATE TABLE other (id int)', 'ALTER TABLE notes ADD COLUMN body text']);
    const before = await snapshot(db.url);
    await withClient(db.url, async (reader) => {
      await reader.query('BEGIN');
      await reader.query('SELECT * FROM notes'); // a long-running read holds ACCESS SHARE
      const error = await expectRefusal(run(db, dir, { lockTimeoutMs: 300 }).promise, 'lock_timeout');
      expect(error.message).toContain(`Migration ${more} `);
      expect(error.message).toContain('ALTER TABLE notes ADD COLUMN body text');
      await reader.query('ROLLBACK');
    });
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('refuses a journal that is out of order or lists a missing file, before touching the database', async () => {
    const db = await emptyDatabase();
    const dir = new MigrationsDir();
    dir.add('a', ['SELECT 1']);
    const journal = dir.journal();
    // The added entry is dated before the one it follows.
    journal.entries.at(-1)!.when = journal.entries.at(-2)!.when - 1;
    dir.writeJournal(journal);
    await expectRefusal(run(db, dir).promise, 'journal_invalid');
    expect(await withClient(db.url, readHistory)).toEqual([]);
  });
});
