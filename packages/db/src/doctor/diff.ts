// Compares the schema the migrations produce with the live one, as lines an operator can act on.
// Pure: no I/O. "expected" is what the committed migrations produce, "actual" is the database.
import type { SchemaDescription } from './describe';

type Value = Record<string, unknown>;

interface Property {
  key: string;
  /** The line's text after `<kind> <name>: `. */
  describe(expected: unknown, actual: unknown): string;
}

interface Category {
  kind: string;
  /** The table an object belongs to: not listed on its own when that whole table is missing or extra. */
  table?(value: Value): string;
  /** Shown in parentheses on a missing or extra line, to say what exactly is missing or extra. */
  summary?(value: Value): string;
  properties: Property[];
}

const shown = (value: unknown) => (value === null || value === undefined ? 'none' : String(value));
const expectedFound = (label: string, format: (value: unknown) => string = shown): Property['describe'] =>
  (expected, actual) => `${label ? `${label} ` : ''}${format(expected)} expected, ${format(actual)} found`;
/** Definitions too long to read on one line (function bodies, view queries) are only said to differ. */
const definition: Property = {
  key: 'definition',
  describe: (expected, actual) =>
    String(expected).length + String(actual).length > 300
      ? 'definition differs'
      : expectedFound('definition')(expected, actual),
};
const list = (value: unknown) => (value as string[]).join(',');

const CATEGORIES: Record<keyof SchemaDescription, Category> = {
  extensions: { kind: 'extension', properties: [] },
  enums: {
    kind: 'enum',
    summary: (v) => list(v.labels),
    properties: [{ key: 'labels', describe: expectedFound('labels', list) }],
  },
  tables: {
    kind: 'table',
    properties: [{ key: 'kind', describe: expectedFound('') }],
  },
  columns: {
    kind: 'column',
    table: (v) => String(v.table),
    summary: (v) => `${v.type}${v.notNull ? ' NOT NULL' : ''}${v.default ? ` DEFAULT ${v.default}` : ''}`,
    properties: [
      { key: 'type', describe: expectedFound('type') },
      { key: 'notNull', describe: expectedFound('', (notNull) => (notNull ? 'NOT NULL' : 'nullable')) },
      { key: 'default', describe: expectedFound('default') },
      { key: 'identity', describe: expectedFound('identity') },
      { key: 'generated', describe: expectedFound('generated expression') },
      { key: 'collation', describe: expectedFound('collation', (c) => (c ? String(c) : 'the default')) },
    ],
  },
  constraints: {
    kind: 'constraint',
    table: (v) => String(v.table),
    summary: (v) => String(v.definition),
    properties: [{ key: 'type', describe: expectedFound('type') }, definition],
  },
  indexes: {
    kind: 'index',
    table: (v) => String(v.table),
    summary: (v) => String(v.definition),
    properties: [definition],
  },
  sequences: { kind: 'sequence', summary: (v) => String(v.definition), properties: [definition] },
  views: { kind: 'view', properties: [{ key: 'kind', describe: expectedFound('') }, definition] },
  functions: { kind: 'function', properties: [definition] },
  triggers: {
    kind: 'trigger',
    table: (v) => String(v.table),
    summary: (v) => String(v.definition),
    properties: [definition],
  },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedKeys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

/** Every difference, one line each; empty when the database is exactly what the migrations produce. */
export function diffSchemas(expected: SchemaDescription, actual: SchemaDescription): string[] {
  const lines: string[] = [];
  // Tables that exist on one side only: their columns, indexes… are implied and not listed again.
  const wholeTables = new Set(
    sortedKeys(expected.tables, actual.tables).filter((name) => !expected.tables[name] !== !actual.tables[name]),
  );
  for (const [name, category] of Object.entries(CATEGORIES) as [keyof SchemaDescription, Category][]) {
    const want = expected[name] as Record<string, Value>;
    const have = actual[name] as Record<string, Value>;
    for (const key of sortedKeys(want, have)) {
      const [e, a] = [want[key], have[key]];
      const value = (e ?? a)!;
      if (category.table && wholeTables.has(category.table(value))) continue;
      const label = `${category.kind} ${key}`;
      const detail = category.summary ? ` (${category.summary(value)})` : '';
      if (!a) lines.push(`${label}: missing from the database${detail}`);
      else if (!e) lines.push(`${label}: in the database, not in the migrations${detail}`);
      else {
        for (const property of category.properties) {
          if (!same(e[property.key], a[property.key])) {
            lines.push(`${label}: ${property.describe(e[property.key], a[property.key])}`);
          }
        }
      }
    }
  }
  lines.push(...columnOrder(expected, actual));
  return lines;
}

/** Only worth a line when the columns are otherwise the same: added or dropped ones are listed already. */
function columnOrder(expected: SchemaDescription, actual: SchemaDescription): string[] {
  return Object.keys(expected.tables)
    .sort()
    .flatMap((name) => {
      const [want, have] = [expected.tables[name]!.columns, actual.tables[name]?.columns];
      if (!have || same(want, have) || !same([...want].sort(), [...have].sort())) return [];
      return [`table ${name}: column order ${want.join(', ')} expected, ${have.join(', ')} found`];
    });
}
