// Table-level helpers shared by backup and restore: which tables, in which row order, and the
// session settings that make COPY text identical between backup time and verification.
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type pg from 'pg';

/** Fixed output formats, so a table's COPY text (and its checksum) does not depend on the session. */
export const STABLE_SESSION = [
  "SET TIME ZONE 'UTC'",
  "SET DateStyle = 'ISO, MDY'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 3',
  "SET bytea_output = 'hex'",
];

export interface TableInfo {
  name: string;
  columns: string[];
  /** Primary key columns, or empty: rows are then ordered by their whole text. */
  primaryKey: string[];
  partitioned: boolean;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; pk: string[] | null; partitioned: boolean }>(`
    SELECT c.relname AS name, c.relkind = 'p' AS partitioned,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           (SELECT array_agg(k.attname::text ORDER BY array_position(i.indkey, k.attnum))
              FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
             WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind IN ('r', 'p')
     GROUP BY c.oid, c.relname, c.relkind
     ORDER BY c.relname`);
  return rows.map((row) => ({ name: row.name, columns: row.columns, primaryKey: row.pk ?? [], partitioned: row.partitioned }));
}

/** The COPY … TO query for a table, with a deterministic row order. */
export function copyOutQuery(table: { name: string; columns: string[]; primaryKey: string[] }): string {
  const columns = table.columns.map(ident).join(', ');
  const order = table.primaryKey.length > 0 ? table.primaryKey.map(ident).join(', ') : 'r::text';
  return `COPY (SELECT ${columns} FROM ${ident(table.name)} AS r ORDER BY ${order}) TO STDOUT`;
}

export function copyInQuery(table: { name: string; columns: string[] }): string {
  return `COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) FROM STDIN`;
}

/** A pass-through stream that counts COPY text rows (one per newline) and bytes, and hashes them. */
export class CopyDigest extends Transform {
  rows = 0;
  bytes = 0;
  private readonly hash = createHash('sha256');

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export async function listSequences(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string; last_value: string | null; is_called: boolean }>(`
    SELECT s.relname AS name, (pg_sequence_last_value(s.oid))::text AS last_value,
           pg_sequence_last_value(s.oid) IS NOT NULL AS is_called
      FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace AND n.nspname = 'public'
     WHERE s.relkind = 'S' ORDER BY 1`);
  return rows.map((row) => ({ name: row.name, lastValue: row.last_value ?? '1', isCalled: row.is_called }));
}

export async function foreignKeys(client: pg.ClientBase): Promise<{ table: string; name: string; definition: string }[]> {
  const { rows } = await client.query<{ table: string; name: string; definition: string }>(`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace ORDER BY 1, 2`);
  return rows;
}

/** Tables of the `public` schema that hold at least one row. */
export async function tablesWithData(client: pg.ClientBase): Promise<string[]> {
  const withRows: string[] = [];
  for (const table of await listTables(client)) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${ident(table.name)} LIMIT 1`);
    if (rowCount) withRows.push(table.name);
  }
  return withRows;
}

export { ident };

export interface IndexDefinition {
  table: string;
  name: string;
  /** `ALTER TABLE … ADD CONSTRAINT name <definition>` for a constraint, else a CREATE INDEX statement. */
  definition: string;
  constraint: boolean;
}

/**
 * The primary key, unique and exclusion constraints and the other indexes of the `public` schema's
 * ordinary tables that a restore can drop before loading and recreate afterwards, exactly as they
 * were (same names, same definitions). Building an index once over loaded rows is far cheaper than
 * maintaining it row by row; it is what pg_restore does. Left in place (still correct, only slower
 * to load): anything whose definition text would not carry everything — a comment, a non-default
 * tablespace, CLUSTER or REPLICA IDENTITY marks — and partitioned tables and their partitions.
 */
export async function rebuildableIndexes(client: pg.ClientBase): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(`
    SELECT t.oid::regclass::text AS table, COALESCE(con.conname, ic.relname) AS name, con.oid IS NOT NULL AS constraint,
           CASE WHEN con.oid IS NOT NULL THEN pg_get_constraintdef(con.oid) ELSE pg_get_indexdef(i.indexrelid) END AS definition
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_class t ON t.oid = i.indrelid
      LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
     WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r' AND NOT t.relispartition
       AND NOT i.indisclustered AND NOT i.indisreplident AND i.indisvalid AND ic.reltablespace = 0
       AND obj_description(ic.oid, 'pg_class') IS NULL
       AND (con.oid IS NULL OR obj_description(con.oid, 'pg_constraint') IS NULL)
     ORDER BY 1, 2`);
  return rows;
}
