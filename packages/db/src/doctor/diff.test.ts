import { describe, expect, it } from 'vitest';
import type { ColumnDescription, SchemaDescription } from './describe';
import { diffSchemas } from './diff';

const column = (table: string, type: string, extra: Partial<ColumnDescription> = {}): ColumnDescription => ({
  table,
  type,
  notNull: false,
  default: null,
  identity: null,
  generated: null,
  collation: null,
  ...extra,
});

/** A small schema: users(id, email) with a primary key, an index and an enum. */
function schema(): SchemaDescription {
  return {
    tables: { users: { kind: 'table', columns: ['id', 'email'] } },
    columns: {
      'users.id': column('users', 'uuid', { notNull: true, default: 'gen_random_uuid()' }),
      'users.email': column('users', 'text', { notNull: true }),
    },
    indexes: {
      users_email_lower_key: { table: 'users', definition: 'CREATE UNIQUE INDEX users_email_lower_key ON users USING btree (lower(email))' },
    },
    constraints: { 'users.users_pkey': { table: 'users', type: 'PRIMARY KEY', definition: 'PRIMARY KEY (id)' } },
    enums: { member_role: { labels: ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] } },
    sequences: {},
    views: {},
    functions: {},
    triggers: {},
    extensions: {},
  };
}

function drifted(change: (s: SchemaDescription) => void): string[] {
  const actual = schema();
  change(actual);
  return diffSchemas(schema(), actual);
}

describe('diffSchemas', () => {
  it('finds nothing when the schemas are the same', () => {
    expect(diffSchemas(schema(), schema())).toEqual([]);
  });

  it('names a column that is in the database but not in the migrations', () => {
    const lines = drifted((s) => {
      s.columns['users.nickname'] = column('users', 'text');
      s.tables.users!.columns.push('nickname');
    });
    expect(lines).toEqual(['column users.nickname: in the database, not in the migrations (text)']);
  });

  it('names a column the migrations create but the database lacks', () => {
    const lines = drifted((s) => {
      delete s.columns['users.email'];
      s.tables.users!.columns = ['id'];
    });
    expect(lines).toEqual(['column users.email: missing from the database (text NOT NULL)']);
  });

  it('says which type was expected and which was found', () => {
    expect(drifted((s) => (s.columns['users.email']!.type = 'character varying(100)'))).toEqual([
      'column users.email: type text expected, character varying(100) found',
    ]);
  });

  it('reports nullability and default changes', () => {
    const lines = drifted((s) => {
      s.columns['users.email']!.notNull = false;
      s.columns['users.id']!.default = null;
    });
    expect(lines).toEqual([
      'column users.email: NOT NULL expected, nullable found',
      'column users.id: default gen_random_uuid() expected, none found',
    ]);
  });

  it('reports a missing index with its definition, and a changed one with both', () => {
    expect(drifted((s) => delete s.indexes.users_email_lower_key)).toEqual([
      'index users_email_lower_key: missing from the database (CREATE UNIQUE INDEX users_email_lower_key ON users USING btree (lower(email)))',
    ]);
    const changed = drifted(
      (s) => (s.indexes.users_email_lower_key!.definition = 'CREATE INDEX users_email_lower_key ON users USING btree (email)'),
    );
    expect(changed).toEqual([
      'index users_email_lower_key: definition CREATE UNIQUE INDEX users_email_lower_key ON users USING btree (lower(email)) expected, ' +
        'CREATE INDEX users_email_lower_key ON users USING btree (email) found',
    ]);
  });

  it('lists enum labels in order', () => {
    expect(drifted((s) => s.enums.member_role!.labels.push('GUEST'))).toEqual([
      'enum member_role: labels OWNER,ADMIN,MEMBER,VIEWER expected, OWNER,ADMIN,MEMBER,VIEWER,GUEST found',
    ]);
  });

  it('reports a dropped or changed constraint', () => {
    expect(drifted((s) => delete s.constraints['users.users_pkey'])).toEqual([
      'constraint users.users_pkey: missing from the database (PRIMARY KEY (id))',
    ]);
    expect(drifted((s) => (s.constraints['users.users_pkey']!.definition = 'PRIMARY KEY (id, email)'))).toEqual([
      'constraint users.users_pkey: definition PRIMARY KEY (id) expected, PRIMARY KEY (id, email) found',
    ]);
  });

  it('reports an extra table once, not each of its columns and constraints', () => {
    const lines = drifted((s) => {
      s.tables.audit = { kind: 'table', columns: ['id'] };
      s.columns['audit.id'] = column('audit', 'integer', { notNull: true });
      s.constraints['audit.audit_pkey'] = { table: 'audit', type: 'PRIMARY KEY', definition: 'PRIMARY KEY (id)' };
    });
    expect(lines).toEqual(['table audit: in the database, not in the migrations']);
  });

  it('reports a missing table once', () => {
    const expected = schema();
    const actual = schema();
    expected.tables.projects = { kind: 'table', columns: ['id'] };
    expected.columns['projects.id'] = column('projects', 'uuid');
    expect(diffSchemas(expected, actual)).toEqual(['table projects: missing from the database']);
  });

  it('reports columns in a different order only when they are otherwise the same', () => {
    expect(drifted((s) => (s.tables.users!.columns = ['email', 'id']))).toEqual([
      'table users: column order id, email expected, email, id found',
    ]);
  });

  it('says a long definition differs without printing it', () => {
    const body = `CREATE FUNCTION f() RETURNS trigger AS $$ ${'x'.repeat(400)} $$`;
    const expected = schema();
    const actual = schema();
    expected.functions['f()'] = { definition: body };
    actual.functions['f()'] = { definition: `${body} -- edited` };
    expect(diffSchemas(expected, actual)).toEqual(['function f(): definition differs']);
  });

  it('lists every difference, not only the first', () => {
    const lines = drifted((s) => {
      s.columns['users.email']!.type = 'citext';
      delete s.indexes.users_email_lower_key;
      s.extensions.citext = { schema: 'public' };
    });
    expect(lines).toEqual([
      'extension citext: in the database, not in the migrations',
      'column users.email: type text expected, citext found',
      'index users_email_lower_key: missing from the database (CREATE UNIQUE INDEX users_email_lower_key ON users USING btree (lower(email)))',
    ]);
  });
});
