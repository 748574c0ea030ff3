import { describe, expect, it } from 'vitest';
import type { Migration } from './journal';
import { isUpToDate, planMigrations, type AppliedMigration } from './plan';

const migration = (name: string, checksum = `sum-${name}`): Migration => ({
  name,
  file: `/m/${name}.sql`,
  checksum,
  statements: [],
  transactional: true,
});
const applied = (name: string, checksum = `sum-${name}`): AppliedMigration => ({
  name,
  checksum,
  appliedAt: new Date(0),
  durationMs: 1,
  appVersion: 'x',
});

describe('planMigrations', () => {
  it('is up to date when history and journal agree exactly', () => {
    const plan = planMigrations([migration('a'), migration('b')], [applied('a'), applied('b')]);
    expect(isUpToDate(plan)).toBe(true);
  });

  it('lists pending migrations in journal order', () => {
    const plan = planMigrations([migration('a'), migration('b'), migration('c')], [applied('a')]);
    expect(plan.pending.map((m) => m.name)).toEqual(['b', 'c']);
    expect(plan.outOfOrder).toEqual([]);
    expect(isUpToDate(plan)).toBe(false);
  });

  it('reports applied migrations the code does not know', () => {
    const plan = planMigrations([migration('a')], [applied('a'), applied('z')]);
    expect(plan.unknown).toEqual(['z']);
  });

  it('reports a changed checksum', () => {
    const plan = planMigrations([migration('a', 'new')], [applied('a', 'old')]);
    expect(plan.changed).toEqual([{ name: 'a', file: '/m/a.sql', appliedChecksum: 'old', fileChecksum: 'new' }]);
  });

  it('reports a pending migration that sits before an applied one', () => {
    const plan = planMigrations([migration('a'), migration('b'), migration('c')], [applied('a'), applied('c')]);
    expect(plan.outOfOrder).toEqual(['b']);
  });
});
