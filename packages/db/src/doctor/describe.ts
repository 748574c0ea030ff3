// A normalized, comparable description of the `public` schema, read from the PostgreSQL catalogs.
// Two databases on the same server that went through the same DDL describe identically, whatever
// their names, owners or data. Other schemas (graphile_worker installs and upgrades its own) and
// objects that belong to an extension are out of scope.
import type pg from 'pg';

export interface TableDescription {
  kind: 'table' | 'partitioned table' | 'unlogged table';
  /** Column names in their physical order (dropped columns left out). */
  columns: string[];
}

export interface ColumnDescription {
  table: string;
  /** As `format_type` spells it: `text`, `character varying(100)`, `member_role`, `integer[]`. */
  type: string;
  notNull: boolean;
  default: string | null;
  /** `ALWAYS`, `BY DEFAULT` or null. */
  identity: string | null;
  /** The expression of a `GENERATED ALWAYS AS (…) STORED` column, or null. */
  generated: string | null;
  /** Only an explicit `COLLATE`; null when the column uses its type's default. */
  collation: string | null;
}

export interface SchemaDescription {
  tables: Record<string, TableDescription>;
  /** Keyed `table.column`. */
  columns: Record<string, ColumnDescription>;
  /** Indexes that back no constraint (those are compared as constraints). */
  indexes: Record<string, { table: string; definition: string }>;
  /** Keyed `table.constraint`. NOT NULL is compared on the column, not here. */
  constraints: Record<string, { table: string; type: string; definition: string }>;
  enums: Record<string, { labels: string[] }>;
  sequences: Record<string, { definition: string }>;
  views: Record<string, { kind: string; definition: string }>;
  /** Keyed `name(argument types)`. */
  functions: Record<string, { definition: string }>;
  /** Keyed `table.trigger`. */
  triggers: Record<string, { table: string; definition: string }>;
  extensions: Record<string, { schema: string }>;
}

/** True for objects an extension owns: they come and go with the extension, compared as one. */
const NOT_EXTENSION_MEMBER = (classTable: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classTable}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

const CONSTRAINT_TYPES: Record<string, string> = {
  p: 'PRIMARY KEY',
  u: 'UNIQUE',
  f: 'FOREIGN KEY',
  c: 'CHECK',
  x: 'EXCLUDE',
  t: 'CONSTRAINT TRIGGER',
};

/** pg_trigger.tgenabled: `O` (the default, fires normally) prints nothing. */
const TRIGGER_STATES: Record<string, string> = { D: ' (DISABLED)', R: ' (ENABLE REPLICA)', A: ' (ENABLE ALWAYS)' };

const TABLE_KINDS: Record<string, TableDescription['kind']> = { r: 'table', p: 'partitioned table' };

function byKey<Row, Value>(rows: Row[], key: (row: Row) => string, value: (row: Row) => Value): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (const row of rows) result[key(row)] = value(row);
  return result;
}

/**
 * Reads the description on one connection, inside a read-only transaction whose search_path is
 * exactly `public`: the catalog functions then print names the same way in every database
 * (`lower(email)`, `REFERENCES users(id)`, `member_role`), whatever the role's own search_path.
 * `client` must be a single connection that is not inside a transaction.
 */
export async function describeSchema(client: pg.ClientBase): Promise<SchemaDescription> {
  await client.query('BEGIN READ ONLY');
  try {
    await client.query('SET LOCAL search_path = public');
    const description = await readCatalogs(client);
    await client.query('COMMIT');
    return description;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function readCatalogs(client: pg.ClientBase): Promise<SchemaDescription> {
  const rows = async <Row extends object>(sql: string) => (await client.query<Row>(sql)).rows;
  const relationsInPublic = `c.relnamespace = 'public'::regnamespace AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`;

  const tables = await rows<{ name: string; relkind: string; persistence: string; columns: string[] }>(`
    SELECT c.relname AS name, c.relkind, c.relpersistence AS persistence,
           coalesce((SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '{}') AS columns
    FROM pg_class c WHERE c.relkind IN ('r', 'p') AND ${relationsInPublic}`);

  const columns = await rows<{
    table: string; name: string; type: string; not_null: boolean; default: string | null;
    identity: string; generated: string; collation: string | null;
  }>(`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,
           pg_get_expr(ad.adbin, ad.adrelid) AS default,
           CASE WHEN a.attcollation <> t.typcollation THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END AS collation
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE c.relkind IN ('r', 'p') AND ${relationsInPublic} AND a.attnum > 0 AND NOT a.attisdropped`);

  const indexes = await rows<{ name: string; table: string; definition: string; valid: boolean }>(`
    SELECT i.relname AS name, c.relname AS table, pg_get_indexdef(x.indexrelid) AS definition, x.indisvalid AS valid
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class c ON c.oid = x.indrelid
    WHERE ${relationsInPublic}
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))`);

  const constraints = await rows<{ name: string; table: string; type: string; definition: string }>(`
    SELECT k.conname AS name, c.relname AS table, k.contype AS type, pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    WHERE ${relationsInPublic} AND k.contype <> 'n'`);

  const enums = await rows<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
    GROUP BY t.typname`);

  const sequences = await rows<{ name: string; definition: string }>(`
    SELECT c.relname AS name,
           format('AS %s START %s INCREMENT %s MINVALUE %s MAXVALUE %s CACHE %s%s', format_type(s.seqtypid, NULL),
                  s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END) AS definition
    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
    WHERE ${relationsInPublic}`);

  const views = await rows<{ name: string; kind: string; definition: string }>(`
    SELECT c.relname AS name, CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END AS kind,
           pg_get_viewdef(c.oid) AS definition
    FROM pg_class c WHERE c.relkind IN ('v', 'm') AND ${relationsInPublic}`);

  const functions = await rows<{ name: string; definition: string }>(`
    SELECT format('%s(%s)', p.proname, pg_get_function_identity_arguments(p.oid)) AS name,
           pg_get_functiondef(p.oid) AS definition
    FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p') AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}`);

  const triggers = await rows<{ name: string; table: string; definition: string; enabled: string }>(`
    SELECT g.tgname AS name, c.relname AS table, pg_get_triggerdef(g.oid) AS definition, g.tgenabled AS enabled
    FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
    WHERE NOT g.tgisinternal AND ${relationsInPublic}`);

  const extensions = await rows<{ name: string; schema: string }>(`
    SELECT x.extname AS name, x.extnamespace::regnamespace::text AS schema FROM pg_extension x
    WHERE x.extnamespace = 'public'::regnamespace`);

  return {
    tables: byKey(tables, (t) => t.name, (t) => ({
      kind: t.persistence === 'u' ? 'unlogged table' : (TABLE_KINDS[t.relkind] ?? 'table'),
      columns: t.columns,
    })),
    columns: byKey(columns, (c) => `${c.table}.${c.name}`, (c) => ({
      table: c.table,
      type: c.type,
      notNull: c.not_null,
      default: c.generated ? null : c.default,
      identity: { a: 'ALWAYS', d: 'BY DEFAULT' }[c.identity] ?? null,
      generated: c.generated ? c.default : null,
      collation: c.collation,
    })),
    indexes: byKey(indexes, (i) => i.name, (i) => {
      // pg_get_indexdef qualifies the table whatever the search_path; `public` is implied here.
      const definition = i.definition.replace(/ ON (ONLY )?public\./, ' ON $1');
      return { table: i.table, definition: i.valid ? definition : `${definition} (INVALID: a failed CREATE INDEX CONCURRENTLY)` };
    }),
    constraints: byKey(constraints, (k) => `${k.table}.${k.name}`, (k) => ({
      table: k.table,
      type: CONSTRAINT_TYPES[k.type] ?? k.type,
      definition: k.definition,
    })),
    enums: byKey(enums, (e) => e.name, (e) => ({ labels: e.labels })),
    sequences: byKey(sequences, (s) => s.name, (s) => ({ definition: s.definition })),
    views: byKey(views, (v) => v.name, (v) => ({ kind: v.kind, definition: v.definition })),
    functions: byKey(functions, (f) => f.name, (f) => ({ definition: f.definition })),
    triggers: byKey(triggers, (g) => `${g.table}.${g.name}`, (g) => ({
      table: g.table,
      definition: `${g.definition}${TRIGGER_STATES[g.enabled] ?? ''}`,
    })),
    extensions: byKey(extensions, (x) => x.name, (x) => ({ schema: x.schema })),
  };
}
