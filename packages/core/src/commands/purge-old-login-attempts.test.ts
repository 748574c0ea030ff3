import { createDatabase } from '@rytask/db';
import { describe, expect, it } from 'vitest';
import { useTestDatabases, withClient } from '../../../../test/support/db';
import { purgeOldLoginAttempts } from './purge-old-login-attempts';

const { database, cleanup } = useTestDatabases();

describe('purgeOldLoginAttempts', () => {
  it('deletes sign-in attempts older than a day and keeps the recent ones, idempotently', async () => {
    const db = await database();
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES
        ('old@example.test', '192.0.2.1', false, now() - interval '25 hours'),
        ('recent@example.test', '192.0.2.1', false, now() - interval '23 hours'),
        ('now@example.test', NULL, true, now())`),
    );
    const handle = createDatabase(db.url, { max: 1 });
    cleanup(() => handle.close());
    expect(await purgeOldLoginAttempts(handle.db)).toBe(1);
    expect(await purgeOldLoginAttempts(handle.db)).toBe(0);
    const left = await withClient(db.url, async (c) => (await c.query('SELECT email FROM login_attempts ORDER BY email')).rows.map((r) => r.email));
    expect(left).toEqual(['now@example.test', 'recent@example.test']);
  });
});
