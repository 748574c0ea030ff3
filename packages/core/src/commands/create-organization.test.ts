import { createDatabase } from '@rytask/db';
import { describe, expect, it } from 'vitest';
import { useTestDatabases, withClient } from '../../../../test/support/db';
import { createOrganization } from './create-organization';

const { database, cleanup } = useTestDatabases();

describe('createOrganization', () => {
  it('gives organizations of one name, created at the same moment, each its own slug, and their new owners each a handle', async () => {
    const db = await database();
    const handle = createDatabase(db.url, { max: 6 });
    cleanup(() => handle.close());
    // Six at once: each reads the taken slugs and handles before any has written its own, so all
    // but one collide on the unique indexes the first time and must start over.
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createOrganization(handle.db, { name: 'Same Name', ownerEmail: `sam@team${i}.test` })),
    );
    expect(created.map((c) => c.organization.slug).sort()).toEqual(['same-name', 'same-name-2', 'same-name-3', 'same-name-4', 'same-name-5', 'same-name-6']);
    const handles = await withClient(db.url, async (c) => (await c.query("SELECT handle FROM users WHERE email LIKE 'sam@%' ORDER BY handle")).rows.map((r) => r.handle));
    expect(handles).toEqual(['sam', 'sam2', 'sam3', 'sam4', 'sam5', 'sam6']);
  });
});
