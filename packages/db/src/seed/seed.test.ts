import { describe, expect, it } from 'vitest';
import { withClient, type TestDatabase, useTestDatabases } from '../../../../test/support/db';
import { runSeed, type SeedOptions } from './seed';

const { database } = useTestDatabases();

// A cheap stand-in for argon2: the seed only needs *a* hash; the real one is tested in core.
const options: SeedOptions = {
  organizationName: 'Acme',
  adminEmail: 'owner@acme.test',
  hashPassword: async (password) => `hashed:${password}`,
};

const migrated = () => database('migrated');

const seedOnce = (db: TestDatabase, extra: Partial<SeedOptions> = {}) =>
  withClient(db.url, (client) => runSeed(client, { ...options, ...extra }));

const rows = (db: TestDatabase, sql: string) => withClient(db.url, async (c) => (await c.query(sql)).rows);

describe('seed', () => {
  it('creates the organization and its first owner, with a generated password that must be changed', async () => {
    const db = await migrated();
    const result = await seedOnce(db);
    expect(result.generatedPassword).toMatch(/^[A-Za-z2-9]{24}$/);
    expect(await rows(db, 'SELECT name, slug FROM organizations')).toEqual([{ name: 'Acme', slug: 'acme' }]);
    const [user] = await rows(db, 'SELECT email, password_hash, must_change_password FROM users');
    expect(user).toEqual({ email: 'owner@acme.test', password_hash: `hashed:${result.generatedPassword}`, must_change_password: true });
    expect(await rows(db, 'SELECT role FROM memberships')).toEqual([{ role: 'OWNER' }]);
  });

  it('uses a configured password without forcing a change and never reports it', async () => {
    const db = await migrated();
    const result = await seedOnce(db, { adminPassword: 'a configured password' });
    expect(result.generatedPassword).toBeUndefined();
    expect(await rows(db, 'SELECT must_change_password FROM users')).toEqual([{ must_change_password: false }]);
  });

  it('never overwrites a renamed organization, a changed password or a changed email', async () => {
    const db = await migrated();
    await seedOnce(db);
    await rows(db, "UPDATE organizations SET name = 'Renamed Inc'");
    await rows(db, "UPDATE users SET email = 'boss@renamed.test', password_hash = 'user-chosen', must_change_password = false");
    const before = await rows(db, 'SELECT * FROM organizations, users, memberships');
    for (let i = 0; i < 3; i++) {
      const again = await seedOnce(db, { adminPassword: 'another password entirely' });
      expect(again.inserted).toEqual([]);
      expect(again.generatedPassword).toBeUndefined();
    }
    expect(await rows(db, 'SELECT * FROM organizations, users, memberships')).toEqual(before);
  });

  it('does not resurrect seeded rows the user deleted', async () => {
    const db = await migrated();
    await seedOnce(db);
    await rows(db, 'DELETE FROM users');
    await seedOnce(db);
    expect(await rows(db, 'SELECT * FROM users')).toEqual([]);
    await rows(db, 'DELETE FROM organizations');
    await seedOnce(db);
    expect(await rows(db, 'SELECT * FROM organizations')).toEqual([]);
  });

  it('leaves nothing half-seeded when it fails part-way', async () => {
    const db = await migrated();
    const failing = seedOnce(db, {
      hashPassword: async () => {
        throw new Error('hashing exploded');
      },
    });
    await expect(failing).rejects.toThrow('hashing exploded');
    for (const table of ['organizations', 'users', 'memberships', 'seed_ledger']) {
      expect(await rows(db, `SELECT * FROM ${table}`)).toEqual([]);
    }
    // …and a later run completes it as if nothing had happened.
    expect((await seedOnce(db)).inserted).toHaveLength(3);
  });

  it('adopts an existing account with the admin email instead of inserting a duplicate', async () => {
    const db = await migrated();
    await rows(db, "INSERT INTO users (email, name, password_hash) VALUES ('Owner@Acme.test', 'Pre', 'kept')");
    const result = await seedOnce(db);
    expect(result.generatedPassword).toBeUndefined();
    expect(await rows(db, 'SELECT name, password_hash FROM users')).toEqual([{ name: 'Pre', password_hash: 'kept' }]);
    expect(await rows(db, 'SELECT role FROM memberships')).toEqual([{ role: 'OWNER' }]);
  });
});
