// CSV downloads of time reports: `entries` (one row per entry per organization-local day it covers,
// so its seconds add up to the report's totals exactly) and one file per report table. RFC 4180
// (CRLF, fields quoted when they hold a quote, comma or line break), UTF-8 with a BOM so spreadsheet
// programs read accents right, and text cells that a spreadsheet would run as a formula defused.
// Produced as an async sequence of chunks: the entries are read a page at a time (keyset), never
// all at once, however long the range.
import { entryPieceRows, type Executor } from '@rytask/db';
import type { ReportCsvQuery, Split } from '@rytask/contracts';
import type { Caller } from '../session';
import { buildInterruptionLedger, buildTimeReport, reportScope, type ReportScope } from './reports';

/** Entries per page of the entries table (each is one to two rows). */
export const CSV_ENTRY_PAGE = 2_000;

type Cell = string | number | null;

/**
 * One field. A text cell starting with = + - @ tab or CR is what spreadsheets evaluate as a formula
 * (CSV injection): it gets a leading apostrophe and is shown as text. Numbers are written as numbers.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const hours = (seconds: number) => Number((seconds / 3600).toFixed(2));
const splitCells = (s: Split): Cell[] => [s.planned, s.interruption, s.tracked, hours(s.tracked)];
const SPLIT_HEADER = ['planned_seconds', 'interruption_seconds', 'tracked_seconds', 'tracked_hours'];

/** A UTC offset in seconds as ISO 8601 (+01:00, -04:00, +05:45). */
function isoOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const minutes = Math.abs(seconds) / 60;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface ReportCsv {
  filename: string;
  /** The file in chunks, BOM first. Checks (range, scope) are done before the first chunk. */
  chunks: AsyncIterable<string>;
}

export async function reportCsv(db: Executor, caller: Caller, query: ReportCsvQuery): Promise<ReportCsv> {
  const scope = await reportScope(db, caller, query);
  return {
    filename: `rytask-${query.table}-${query.from}-${query.to}.csv`,
    chunks: csvChunks(db, scope, query.table),
  };
}

async function* csvChunks(db: Executor, scope: ReportScope, table: ReportCsvQuery['table']): AsyncGenerator<string> {
  yield '\uFEFF';
  if (table === 'entries') {
    yield* entryChunks(db, scope);
    return;
  }
  if (table === 'interruptions') {
    const ledger = await buildInterruptionLedger(db, scope);
    let out = csvLine(['item', 'item_title', 'raised_by', 'raised_by_handle', 'source', 'priority', 'people',
      'planned_seconds', 'interruption_seconds', 'tracked_seconds', 'interruption_hours']);
    for (const r of ledger.rows) {
      out += csvLine([r.item.key, r.item.title, r.raisedBy?.name ?? null, r.raisedBy?.handle ?? null, r.source, r.priority, r.people,
        r.trackedSeconds - r.seconds, r.seconds, r.trackedSeconds, hours(r.seconds)]);
    }
    yield out;
    return;
  }
  const report = await buildTimeReport(db, scope);
  const tables: Record<Exclude<ReportCsvQuery['table'], 'entries' | 'interruptions'>, () => [string[], Cell[][]]> = {
    projects: () => [['project', 'project_name'], report.byProject.map((r) => [r.project.key, r.project.name, ...splitCells(r)])],
    people: () => [['person', 'handle'], report.byPerson.map((r) => [r.person.name, r.person.handle, ...splitCells(r)])],
    weeks: () => [['week_start'], report.byWeek.map((r) => [r.weekStart, ...splitCells(r)])],
    days: () => [['date'], report.byDay.map((r) => [r.day, ...splitCells(r)])],
  };
  const [keys, rows] = tables[table]();
  yield csvLine([...keys, ...SPLIT_HEADER]) + rows.map(csvLine).join('');
}

async function* entryChunks(db: Executor, { filter }: ReportScope): AsyncGenerator<string> {
  yield csvLine(['date', 'person', 'handle', 'project', 'item', 'item_title', 'class', 'seconds', 'hours', 'started_at', 'ended_at', 'kind', 'note']);
  // The next page is asked for as soon as this one arrives, so PostgreSQL reads it while this
  // process writes the CSV of the current one (two processes, two cores). If the download stops
  // early, the page in flight is dropped (its failure is ignored: nobody waits for it).
  let pending: Promise<Awaited<ReturnType<typeof entryPieceRows>>> | undefined = entryPieceRows(db, filter, undefined, CSV_ENTRY_PAGE);
  while (pending) {
    const page: Awaited<typeof pending> = await pending;
    pending = page.next ? entryPieceRows(db, filter, page.next, CSV_ENTRY_PAGE) : undefined;
    pending?.catch(() => undefined);
    let out = '';
    for (const r of page.rows) {
      out += csvLine([r.day, r.personName, r.personHandle, r.projectKey, r.itemKey, r.itemTitle, r.classification, r.seconds, hours(r.seconds),
        r.startedLocal + isoOffset(r.startedOffset), r.endedLocal + isoOffset(r.endedOffset), r.kind, r.note]);
    }
    if (out) yield out;
  }
}
