// Throwaway databases on the test server: one per test (or per file), real PostgreSQL, never mocked.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, inject } from 'vitest';
import { TEMPLATE_DATABASE } from './global-setup';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  return inject('pgAdminUrl');
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database: `migrated` clones the migrated template, `empty` starts from nothing. */
export async function createTestDatabase(kind: 'migrated' | 'empty' = 'migrated'): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl(), (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${kind === 'migrated' ? TEMPLATE_DATABASE : 'template0'}`),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () => withClient(adminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Everything a migration could change, as one comparable value: tables, columns, types, defaults,
 * nullability, constraints, indexes, enums, sequences — and every row of every table.
 */
export async function snapshot(url: string): Promise<{ schema: unknown; data: Record<string, unknown[]> }> {
  return withClient(url, async (client) => {
    const q = async (sql: string) => (await client.query(sql)).rows;
    const schema = {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, ordinal_position
                        FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`),
      constraints: await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
                            FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
      enums: await q(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, 3`),
      sequences: await q(`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`),
      tables: await q(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`),
    };
    const data: Record<string, unknown[]> = {};
    for (const { tablename } of schema.tables as { tablename: string }[]) {
      data[tablename] = await q(`SELECT * FROM "${tablename}" ORDER BY 1`);
    }
    return { schema, data };
  });
}

/**
 * Per-test databases and cleanups, undone after each test in reverse order:
 * `const { database, cleanup } = useTestDatabases();` at the top of a test file.
 */
export function useTestDatabases() {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  return {
    async database(kind: 'migrated' | 'empty' = 'migrated'): Promise<TestDatabase> {
      const db = await createTestDatabase(kind);
      cleanups.push(() => db.drop());
      return db;
    },
    cleanup(fn: () => Promise<unknown>): void {
      cleanups.push(fn);
    },
  };
}
