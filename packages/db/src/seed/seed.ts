// The seed: the default organization and its first OWNER. It only inserts what its ledger says it
// has never inserted — it never updates, and never brings back a seeded row the user deleted.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireMigrationLock, releaseMigrationLock } from '../migrator/lock';
import * as schema from '../schema';
import { memberships, organizations, seedLedger, users } from '../schema';

export interface SeedOptions {
  organizationName: string;
  adminEmail: string;
  /** When absent, a strong password is generated, returned once, and must be changed at first login. */
  adminPassword?: string;
  hashPassword: (password: string) => Promise<string>;
}

export interface SeedResult {
  inserted: string[];
  adminEmail: string;
  /** Set only on the run that created the owner with a generated password. */
  generatedPassword?: string;
}

const KEYS = { organization: 'organization:default', owner: 'user:first-owner', membership: 'membership:first-owner' };

export function generatePassword(): string {
  // 24 characters from a 56-letter alphabet without look-alikes: ~139 bits.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from(randomBytes(24), (byte) => alphabet[byte % alphabet.length]).join('');
}

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'organization'
  );
}

/** Runs the seed in one transaction on an open client (the caller holds the migration lock). */
export async function runSeed(client: pg.Client, options: SeedOptions): Promise<SeedResult> {
  const db = drizzle(client, { schema });
  const result: SeedResult = { inserted: [], adminEmail: options.adminEmail };
  await client.query('BEGIN');
  try {
    const ledger = new Map(
      (await db.select().from(seedLedger)).map((row) => [row.key, row.rowId]),
    );
    const record = async (key: string, rowId: string | null) => {
      await db.insert(seedLedger).values({ key, rowId });
      ledger.set(key, rowId);
    };

    if (!ledger.has(KEYS.organization)) {
      const slug = slugify(options.organizationName);
      const [created] = await db
        .insert(organizations)
        .values({ name: options.organizationName, slug })
        .onConflictDoNothing()
        .returning({ id: organizations.id });
      if (created) result.inserted.push(`organization "${options.organizationName}"`);
      const id = created?.id ?? (await db.select({ id: organizations.id }).from(organizations).where(sql`slug = ${slug}`))[0]?.id;
      await record(KEYS.organization, id ?? null);
    }

    if (!ledger.has(KEYS.owner)) {
      const password = options.adminPassword ?? generatePassword();
      const [created] = await db
        .insert(users)
        .values({
          email: options.adminEmail,
          name: options.adminEmail.split('@')[0] ?? 'admin',
          passwordHash: await options.hashPassword(password),
          mustChangePassword: options.adminPassword === undefined,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (created) {
        result.inserted.push(`owner ${options.adminEmail}`);
        if (options.adminPassword === undefined) result.generatedPassword = password;
      }
      const id =
        created?.id ??
        (await db.select({ id: users.id }).from(users).where(sql`lower(email) = lower(${options.adminEmail})`))[0]?.id;
      await record(KEYS.owner, id ?? null);
    }

    if (!ledger.has(KEYS.membership)) {
      const organizationId = ledger.get(KEYS.organization);
      const userId = ledger.get(KEYS.owner);
      // Both rows must still exist: a deleted organization or owner is not brought back through here.
      const bothExist =
        organizationId && userId
          ? (await client.query('SELECT 1 FROM organizations o, users u WHERE o.id = $1 AND u.id = $2', [organizationId, userId])).rowCount === 1
          : false;
      const [created] = bothExist
        ? await db
            .insert(memberships)
            .values({ organizationId: organizationId!, userId: userId!, role: 'OWNER' })
            .onConflictDoNothing()
            .returning({ id: memberships.id })
        : [];
      if (created) result.inserted.push('owner membership');
      await record(KEYS.membership, created?.id ?? null);
    }
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** `rytask seed` on its own: same lock as migrate, so the two never race. */
export async function seed(databaseUrl: string, options: SeedOptions & { lockWaitMs: number; log: (line: string) => void }): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'rytask seed' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await acquireMigrationLock(client, { waitMs: options.lockWaitMs, log: options.log });
    try {
      return await runSeed(client, options);
    } finally {
      await releaseMigrationLock(client).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
