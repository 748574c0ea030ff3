// The seed: the default organization and its first OWNER. It only inserts what its ledger says it
// has never inserted — it never updates, and never brings back a seeded row the user deleted.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { acquireMigrationLock, releaseMigrationLock } from '../migrator/lock';

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

/**
 * Runs the seed in one transaction on an open client (the caller holds the migration lock). Plain
 * SQL rather than drizzle: this runs on every `rytask migrate`, so it stays cheap to load.
 */
export async function runSeed(client: pg.Client, options: SeedOptions): Promise<SeedResult> {
  const result: SeedResult = { inserted: [], adminEmail: options.adminEmail };
  const one = async <T extends object>(text: string, values: unknown[] = []) =>
    (await client.query<T & pg.QueryResultRow>(text, values)).rows[0];
  await client.query('BEGIN');
  try {
    const ledger = new Map(
      (await client.query<{ key: string; row_id: string | null }>('SELECT key, row_id FROM seed_ledger')).rows.map((row) => [row.key, row.row_id]),
    );
    const record = async (key: string, rowId: string | null) => {
      await client.query('INSERT INTO seed_ledger (key, row_id) VALUES ($1, $2)', [key, rowId]);
      ledger.set(key, rowId);
    };
    if (ledger.size === Object.keys(KEYS).length) {
      await client.query('COMMIT');
      return result;
    }

    if (!ledger.has(KEYS.organization)) {
      const slug = slugify(options.organizationName);
      const created = await one<{ id: string }>(
        'INSERT INTO organizations (name, slug) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id',
        [options.organizationName, slug],
      );
      if (created) result.inserted.push(`organization "${options.organizationName}"`);
      const id = created?.id ?? (await one<{ id: string }>('SELECT id FROM organizations WHERE slug = $1', [slug]))?.id;
      await record(KEYS.organization, id ?? null);
    }

    if (!ledger.has(KEYS.owner)) {
      const password = options.adminPassword ?? generatePassword();
      const created = await one<{ id: string }>(
        `INSERT INTO users (email, name, handle, password_hash, must_change_password) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          options.adminEmail,
          options.adminEmail.split('@')[0] ?? 'admin',
          (options.adminEmail.split('@')[0] ?? '').toLowerCase().replace(/[^a-z0-9_.-]/g, '') || null,
          await options.hashPassword(password),
          options.adminPassword === undefined,
        ],
      );
      if (created) {
        result.inserted.push(`owner ${options.adminEmail}`);
        if (options.adminPassword === undefined) result.generatedPassword = password;
      }
      const id = created?.id ?? (await one<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1)', [options.adminEmail]))?.id;
      await record(KEYS.owner, id ?? null);
    }

    if (!ledger.has(KEYS.membership)) {
      // Both rows must still exist: a deleted organization or owner is not brought back through here.
      const created = await one<{ id: string }>(
        `INSERT INTO memberships (organization_id, user_id, role)
         SELECT o.id, u.id, 'OWNER' FROM organizations o, users u WHERE o.id = $1 AND u.id = $2
         ON CONFLICT DO NOTHING RETURNING id`,
        [ledger.get(KEYS.organization), ledger.get(KEYS.owner)],
      );
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
