// Hot read queries built once per database handle and run as named prepared statements: drizzle
// builds their SQL once instead of per request, and each connection parses and plans them once.
// Not for transactions (a statement prepared on the pool runs outside them): callers fall back to
// building the query on the transaction.
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../client';

const statements = new WeakMap<object, Map<string, unknown>>();

/** The statement `name` for this handle (built by `build` the first time), or undefined inside a transaction. */
export function preparedOn<T>(db: Executor, name: string, build: (db: Database) => T): T | undefined {
  if (db instanceof PgTransaction) return undefined;
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name) as T | undefined;
  if (!statement) byName.set(name, (statement = build(db as Database)));
  return statement;
}
