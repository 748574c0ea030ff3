// Time reports over a range of organization-local days: totals, per project, per person, per week
// and per day, and the interruption ledger. Every role may read them (VIEWER included). They read
// the rollup (packages/db time-reports.repo.ts); every level is summed from the same rollup rows, so
// planned + interruption = tracked everywhere and every breakdown adds up to the totals exactly.
import {
  findMember,
  findOrganizationCalendar,
  findProjectById,
  interruptionLedgerRows,
  reportPeople,
  reportProjects,
  timeReportSplitRows,
  type Executor,
  type TimeReportFilter,
} from '@rytask/db';
import type { InterruptionLedger, ReportRangeQuery, Split, TimeReport } from '@rytask/contracts';
import { AppError } from '../errors';
import { projectNotFound } from '../projects/projects';
import type { Caller } from '../session';
import { assertReportRange, eachDay, weekStartOf } from './reports-calendar';

export interface ReportScope {
  filter: TimeReportFilter;
  timeZone: string;
  weekStart: number;
}

export const emptySplit = (): Split => ({ planned: 0, interruption: 0, tracked: 0 });

export function addToSplit(split: Split, classification: 'planned' | 'interruption', seconds: number): void {
  split[classification] += seconds;
  split.tracked += seconds;
}

export function personNotFound(): AppError {
  return new AppError('not_found', 'No such member in this organization.');
}

/**
 * The range checked and the project and person looked up in the caller's organization first: another
 * organization's id answers 404 (never data), like every organization-scoped lookup.
 */
export async function reportScope(db: Executor, caller: Caller, query: ReportRangeQuery): Promise<ReportScope> {
  assertReportRange(query.from, query.to);
  const organizationId = caller.organization.id;
  const [calendar, project, member] = await Promise.all([
    findOrganizationCalendar(db, organizationId),
    query.projectId ? findProjectById(db, organizationId, query.projectId) : undefined,
    query.userId ? findMember(db, organizationId, query.userId) : undefined,
  ]);
  if (query.projectId && !project) throw projectNotFound();
  if (query.userId && !member) throw personNotFound();
  return {
    filter: { organizationId, from: query.from, to: query.to, projectId: query.projectId, userId: query.userId },
    timeZone: calendar?.timeZone ?? 'UTC',
    weekStart: calendar?.weekStart ?? 1,
  };
}

const byTrackedThen = <T extends Split>(name: (row: T) => string) => (a: T, b: T) =>
  b.tracked - a.tracked || name(a).localeCompare(name(b));

export async function getTimeReport(db: Executor, caller: Caller, query: ReportRangeQuery): Promise<TimeReport> {
  const scope = await reportScope(db, caller, query);
  return buildTimeReport(db, scope);
}

/** The report for a checked scope (the CSV tables use it too). */
export async function buildTimeReport(db: Executor, { filter, timeZone, weekStart }: ReportScope): Promise<TimeReport> {
  const rows = await timeReportSplitRows(db, filter);
  const days = new Map(eachDay(filter.from, filter.to).map((day) => [day, emptySplit()]));
  const people = new Map<string, Split>();
  const projects = new Map<string, Split>();
  for (const row of rows) {
    let split: Split | undefined;
    if (row.day !== null) split = days.get(row.day);
    else if (row.userId !== null) people.set(row.userId, (split = people.get(row.userId) ?? emptySplit()));
    else if (row.projectId !== null) projects.set(row.projectId, (split = projects.get(row.projectId) ?? emptySplit()));
    if (split) addToSplit(split, row.classification, row.seconds);
  }
  const totals = emptySplit();
  const weeks = new Map<string, Split>();
  for (const [day, split] of days) {
    const week = weekStartOf(day, weekStart);
    const weekSplit = weeks.get(week) ?? emptySplit();
    weeks.set(week, weekSplit);
    for (const target of [totals, weekSplit]) {
      addToSplit(target, 'planned', split.planned);
      addToSplit(target, 'interruption', split.interruption);
    }
  }
  const [personRows, projectRows] = await Promise.all([
    reportPeople(db, [...people.keys()]),
    reportProjects(db, filter.organizationId, [...projects.keys()]),
  ]);
  const personById = new Map(personRows.map((p) => [p.id, p]));
  const projectById = new Map(projectRows.map((p) => [p.id, p]));
  return {
    from: filter.from,
    to: filter.to,
    timeZone,
    weekStart,
    totals,
    byProject: [...projects]
      .map(([id, split]) => ({ ...split, project: projectById.get(id) ?? { id, key: '?', name: '(unknown project)' } }))
      .sort(byTrackedThen((r) => r.project.key)),
    byPerson: [...people]
      .map(([id, split]) => ({ ...split, person: personById.get(id) ?? { id, name: '(unknown person)', handle: null } }))
      .sort(byTrackedThen((r) => r.person.name)),
    byWeek: [...weeks].map(([week, split]) => ({ ...split, weekStart: week })),
    byDay: [...days].map(([day, split]) => ({ ...split, day })),
  };
}

export async function getInterruptionLedger(db: Executor, caller: Caller, query: ReportRangeQuery): Promise<InterruptionLedger> {
  const scope = await reportScope(db, caller, query);
  return buildInterruptionLedger(db, scope);
}

export async function buildInterruptionLedger(db: Executor, { filter }: ReportScope): Promise<InterruptionLedger> {
  const rows = await interruptionLedgerRows(db, filter);
  return {
    from: filter.from,
    to: filter.to,
    rows: rows.map((r) => ({
      item: { id: r.itemId, key: r.itemKey, title: r.itemTitle, projectId: r.projectId },
      raisedBy: r.raisedById ? { id: r.raisedById, name: r.raisedByName ?? '', handle: r.raisedByHandle } : null,
      source: r.source,
      priority: r.priority,
      seconds: r.seconds,
      trackedSeconds: r.trackedSeconds,
      people: r.people,
    })),
    totalSeconds: rows.reduce((sum, r) => sum + r.seconds, 0),
  };
}
