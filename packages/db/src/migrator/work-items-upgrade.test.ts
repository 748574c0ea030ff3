// Upgrading an install from before the work loop (0000_init) keeps every person and gives each a
// handle from their email address (first come on a clash; the rest choose one in their profile).
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withClient, useTestDatabases } from '../../../../test/support/db';
import { MigrationsDir } from '../../../../test/support/migrations';
import { migrate } from './migrate';

const { database } = useTestDatabases();

describe('upgrading to 0001_work_items', () => {
  it('keeps existing users and backfills handles from their email addresses', async () => {
    const db = await database('empty');
    const onlyInit = new MigrationsDir();
    const journal = onlyInit.journal();
    for (const entry of journal.entries.slice(1)) rmSync(onlyInit.file(entry.tag));
    onlyInit.writeJournal({ ...journal, entries: journal.entries.slice(0, 1) });
    const options = { databaseUrl: db.url, appVersion: 'test', lockWaitMs: 5_000, lockTimeoutMs: 5_000, log: () => undefined };
    await migrate({ ...options, migrationsDir: onlyInit.path });
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO users (email, name, password_hash, created_at) VALUES
        ('Sam.O''Neil@example.com', 'Sam', 'h', '2026-01-01'), ('sam.oneil@other.test', 'Sam two', 'h', '2026-01-02'),
        ('mia@example.com', 'Mia', 'h', '2026-01-03'), ('+++@example.com', 'Symbols', 'h', '2026-01-04')`),
    );

    await migrate(options);
    const { rows } = await withClient(db.url, (c) => c.query('SELECT email, name, handle FROM users ORDER BY created_at'));
    expect(rows).toEqual([
      { email: "Sam.O'Neil@example.com", name: 'Sam', handle: 'sam.oneil' },
      { email: 'sam.oneil@other.test', name: 'Sam two', handle: null },
      { email: 'mia@example.com', name: 'Mia', handle: 'mia' },
      { email: '+++@example.com', name: 'Symbols', handle: null },
    ]);
  });
});
