// How the worker is wired for notifications: the two schedules, and a job the api queues in its
// transaction reaching a running worker.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueNotificationDelivery } from '@rytask/core';
import { createDatabase } from '@rytask/db';
import { describe, expect, it } from 'vitest';
import { useTestDatabases, withClient } from '../../../../test/support/db';
import { allNotifications, createOrganizationRows, createProjectWithItems, recordComment, watch } from '../../../../test/support/work-rows';
import { startWorker } from '../index';

const { database, cleanup } = useTestDatabases();

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition never became true');
}

describe('notification jobs in the worker', () => {
  it('schedules delivery every minute (safety net) and the due-date scan hourly', async () => {
    const db = await database();
    const worker = await startWorker({ databaseUrl: db.url, logLevel: 'silent', heartbeatFile: join(mkdtempSync(join(tmpdir(), 'rytask-hb-')), 'hb') });
    cleanup(() => worker.close());
    const known = await withClient(db.url, async (c) => (await c.query('SELECT identifier FROM graphile_worker._private_known_crontabs ORDER BY 1')).rows);
    expect(known).toEqual(expect.arrayContaining([{ identifier: 'deliver-notifications' }, { identifier: 'scan-due-dates' }]));
  });

  it('delivers as soon as a writer queues the job in its transaction — and not when the transaction rolls back', async () => {
    const db = await database();
    const worker = await startWorker({ databaseUrl: db.url, logLevel: 'silent', heartbeatFile: join(mkdtempSync(join(tmpdir(), 'rytask-hb-')), 'hb') });
    cleanup(() => worker.close());
    const handle = createDatabase(db.url, { max: 2 });
    cleanup(() => handle.close());
    const org = await createOrganizationRows(db.url, ['Ann', 'Bob'] as const);
    const [item] = (await createProjectWithItems(db.url, org.id, [{ title: 'Watched' }])).items;
    await watch(db.url, item!.id, org.people.Bob);

    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueNotificationDelivery(tx);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    const queued = await withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'deliver-notifications' AND key IS NOT NULL`)).rows[0].n);
    expect(queued).toBe(0);

    await recordComment(db.url, { organizationId: org.id, itemId: item!.id, authorId: org.people.Ann });
    await handle.db.transaction((tx) => enqueueNotificationDelivery(tx));
    await until(async () => (await allNotifications(db.url)).length === 1);
    expect(await allNotifications(db.url)).toMatchObject([{ user_id: org.people.Bob, kind: 'commented', event_count: 1 }]);
  });
});
