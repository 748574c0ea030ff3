// Compares the committed migrations with the database's history. Pure: no I/O, easy to test.
import type { Migration } from './journal';

export interface AppliedMigration {
  name: string;
  checksum: string;
  appliedAt: Date;
  durationMs: number;
  appVersion: string;
}

export interface ChangedMigration {
  name: string;
  file: string;
  appliedChecksum: string;
  fileChecksum: string;
}

export interface MigrationPlan {
  applied: string[];
  pending: Migration[];
  /** Recorded in the database, unknown to this code: the database is newer than the code. */
  unknown: string[];
  changed: ChangedMigration[];
  /** Pending migrations that sit before an applied one in the journal: never silently skipped. */
  outOfOrder: string[];
}

export function planMigrations(migrations: Migration[], history: AppliedMigration[]): MigrationPlan {
  const byName = new Map(history.map((row) => [row.name, row]));
  const known = new Set(migrations.map((m) => m.name));
  const lastAppliedPosition = migrations.reduce(
    (last, m, position) => (byName.has(m.name) ? position : last),
    -1,
  );
  const plan: MigrationPlan = { applied: [], pending: [], unknown: [], changed: [], outOfOrder: [] };
  migrations.forEach((m, position) => {
    const row = byName.get(m.name);
    if (!row) {
      plan.pending.push(m);
      if (position < lastAppliedPosition) plan.outOfOrder.push(m.name);
      return;
    }
    plan.applied.push(m.name);
    if (row.checksum !== m.checksum) {
      plan.changed.push({ name: m.name, file: m.file, appliedChecksum: row.checksum, fileChecksum: m.checksum });
    }
  });
  plan.unknown = history.filter((row) => !known.has(row.name)).map((row) => row.name);
  return plan;
}

export function isUpToDate(plan: MigrationPlan): boolean {
  return (
    plan.pending.length === 0 &&
    plan.unknown.length === 0 &&
    plan.changed.length === 0 &&
    plan.outOfOrder.length === 0
  );
}
