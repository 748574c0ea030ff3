import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db';
import { LATEST } from '../../../../test/support/migrations';
import { createBackup } from './create-backup';
import { BackupError } from './manifest';

let db: TestDatabase | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await db?.drop();
});

describe('backup files', () => {
  it('are never overwritten: a second backup with the same name fails and leaves the first intact', async () => {
    db = await createTestDatabase('migrated');
    const dir = mkdtempSync(join(tmpdir(), 'rytask-no-overwrite-'));
    // Freeze the clock so both backups want the same file name.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T03:15:00.000Z'));
    const first = await createBackup(db.url, { outDir: dir, appVersion: '1' });
    const before = readFileSync(first.file);
    const second = createBackup(db.url, { outDir: dir, appVersion: '2' });
    await expect(second).rejects.toBeInstanceOf(BackupError);
    await expect(second).rejects.toThrow('never overwrites');
    expect(readdirSync(dir)).toEqual([`rytask-20261126T031500000Z-${LATEST}.tar.gz`]);
    expect(readFileSync(first.file).equals(before)).toBe(true);
  });
});
