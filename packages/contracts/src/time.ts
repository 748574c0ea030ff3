// Time tracking and reports: timers, entries and the report tables. Every tracked second is
// `planned` or `interruption`; seconds are whole numbers so every level adds up exactly.
import { z } from 'zod';
import { isoDate as isoDay, personRefSchema as personRef } from './work';

const id = z.uuid();
const isoTime = z.string().describe('ISO 8601 timestamp');
/** The longest entry, and the longest range a report covers. */
export const MAX_ENTRY_SECONDS = 24 * 60 * 60;
export const MAX_REPORT_DAYS = 366;

export const timeClassSchema = z.enum(['planned', 'interruption']);
export type TimeClass = z.infer<typeof timeClassSchema>;

const itemRef = z.object({ id, key: z.string(), title: z.string(), projectId: id });

export const timeEntrySchema = z.object({
  id,
  item: itemRef,
  person: personRef,
  startedAt: isoTime,
  /** Null while the timer runs. */
  endedAt: isoTime.nullable(),
  seconds: z.number().int().describe('Whole seconds; for a running timer, so far'),
  /** Null while the timer runs: fixed when it stops. */
  classification: timeClassSchema.nullable(),
  note: z.string(),
  kind: z.enum(['timer', 'manual']),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

/** The caller's running timer, or null. */
export const runningTimerSchema = z.object({ timer: timeEntrySchema.nullable() });

export const startTimerSchema = z.object({ note: z.string().max(2000).optional() });
/** Starting a timer stops (and logs) the one that was running, returned as `stopped`. */
export const startTimerResultSchema = z.object({ timer: timeEntrySchema, stopped: timeEntrySchema.nullable() });

export const stopTimerSchema = z.object({
  /** Defaults from the item's priority when it stops: urgent → interruption, else planned. */
  classification: timeClassSchema.optional(),
  note: z.string().max(2000).optional(),
});
/** `capped`: the timer ran past 24 h and was logged as 24 h. */
export const stopTimerResultSchema = z.object({ entry: timeEntrySchema, capped: z.boolean() });

/**
 * A manual entry: either `duration` ('1h30m', '90m', '1.5h'; on `date`, default today in the
 * organization's time zone) or `startedAt` + `endedAt`. More than 0 and at most 24 h.
 */
export const createTimeEntrySchema = z.object({
  duration: z.string().max(20).optional(),
  date: isoDay.optional(),
  startedAt: isoTime.optional(),
  endedAt: isoTime.optional(),
  classification: timeClassSchema.optional(),
  note: z.string().max(2000).optional(),
});
export type CreateTimeEntry = z.infer<typeof createTimeEntrySchema>;
/** The owner, or an OWNER/ADMIN, edits an entry; any field may change. */
export const updateTimeEntrySchema = createTimeEntrySchema;
export type UpdateTimeEntry = z.infer<typeof updateTimeEntrySchema>;

export const itemTimeSchema = z.object({
  entries: z.array(timeEntrySchema),
  /** Finished entries on the item, in seconds (what the meter shows against the estimate). */
  loggedSeconds: z.number().int(),
});

// ── Reports ─────────────────────────────────────────────────────────────────────────────────────

/** A range of organization-local days, both ends included, at most 366 days. */
export const reportRangeQuerySchema = z.object({
  from: isoDay,
  to: isoDay,
  projectId: id.optional(),
  userId: id.optional(),
});
export type ReportRangeQuery = z.infer<typeof reportRangeQuerySchema>;

/** planned + interruption = tracked, always, to the second. */
export const splitSchema = z.object({
  planned: z.number().int(),
  interruption: z.number().int(),
  tracked: z.number().int(),
});
export type Split = z.infer<typeof splitSchema>;

export const timeReportSchema = z.object({
  from: isoDay,
  to: isoDay,
  timeZone: z.string(),
  /** 0 = Sunday … 6 = Saturday. */
  weekStart: z.number().int(),
  totals: splitSchema,
  byProject: z.array(splitSchema.extend({ project: z.object({ id, key: z.string(), name: z.string() }) })),
  byPerson: z.array(splitSchema.extend({ person: personRef })),
  /** Every week the range touches, by the day it starts on (weeks cut by the range count only the days inside). */
  byWeek: z.array(splitSchema.extend({ weekStart: isoDay })),
  /** Every day of the range, empty days included. */
  byDay: z.array(splitSchema.extend({ day: isoDay })),
});
export type TimeReport = z.infer<typeof timeReportSchema>;

/** Which items interrupted, who raised them, from which source, how long. */
export const interruptionLedgerSchema = z.object({
  from: isoDay,
  to: isoDay,
  rows: z.array(
    z.object({
      item: itemRef,
      /** Who created the item (null if that account is gone). */
      raisedBy: personRef.nullable(),
      source: z.enum(['web', 'api', 'mcp', 'slack']),
      priority: z.enum(['urgent', 'high', 'medium', 'low', 'none']),
      /** Interruption seconds on the item in the range (what the ledger is sorted by, biggest first). */
      seconds: z.number().int(),
      /** All the item's tracked seconds in the range (interruption + planned): context for `seconds`. */
      trackedSeconds: z.number().int(),
      /** How many people spent interruption time on it. */
      people: z.number().int(),
    }),
  ),
  totalSeconds: z.number().int(),
});
export type InterruptionLedger = z.infer<typeof interruptionLedgerSchema>;

export const myWeekQuerySchema = z.object({
  /** Any day in the week; default today in the organization's time zone. */
  day: isoDay.optional(),
  /** Someone else's week (default: yours). */
  userId: id.optional(),
});
export const myWeekSchema = z.object({
  person: personRef,
  weekStart: isoDay,
  days: z.array(
    splitSchema.extend({
      day: isoDay,
      /** Per item that day (an entry crossing midnight counts in both days). */
      items: z.array(splitSchema.extend({ item: itemRef })),
    }),
  ),
  totals: splitSchema,
  /** A plain-text summary for pasting into a stand-up or a timesheet. */
  text: z.string(),
});
export type MyWeek = z.infer<typeof myWeekSchema>;

/** CSV downloads: `entries`, and one per report table. */
export const reportCsvTableSchema = z.enum(['entries', 'projects', 'people', 'weeks', 'days', 'interruptions']);
export type ReportCsvTable = z.infer<typeof reportCsvTableSchema>;
/** GET /api/v1/reports/time.csv: a table over a report range. */
export const reportCsvQuerySchema = reportRangeQuerySchema.extend({ table: reportCsvTableSchema });
export type ReportCsvQuery = z.infer<typeof reportCsvQuerySchema>;
