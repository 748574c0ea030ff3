// When a time entry starts and ends, from what someone typed: a duration ('1h30m', '90m', '1.5h',
// '2h', '45m'; 'd' is the organization's working day) placed at the local midnight of a date, or a
// start and an end. More than 0 and at most 24 h, on whole seconds. Every refusal names its field.
import { MAX_ENTRY_SECONDS } from '@rytask/contracts';
import { resolveEstimate } from '@rytask/contracts/quick-add';
import { findOrganizationCalendar, localMidnight, type Executor } from '@rytask/db';
import { AppError } from '../errors';
import { todayIn } from '../items/quick-add';
import type { Caller } from '../session';

export interface EntryTimesInput {
  duration?: string;
  date?: string;
  startedAt?: string;
  endedAt?: string;
}

export interface EntryTimes {
  startedAt: Date;
  endedAt: Date;
}

const invalid = (field: string, message: string) => new AppError('validation_failed', message, { field });

/** An ISO 8601 time with its offset (or Z), cut to the whole second. */
function parseInstant(text: string, field: 'startedAt' | 'endedAt'): Date {
  const at = /(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()) ? new Date(text.trim()) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) {
    throw invalid(field, `“${text}” is not a time. Use ISO 8601 with a time zone, such as 2026-03-02T09:30:00Z or 2026-03-02T09:30:00+01:00.`);
  }
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

/** Seconds of a duration such as '1h30m' (spaces allowed between the parts). */
export function durationSeconds(text: string, minutesPerDay: number): number {
  const compact = text.replace(/\s+/g, '');
  const outcome = compact === '' ? undefined : resolveEstimate(`~${compact}`, minutesPerDay);
  if (!outcome?.ok) {
    throw invalid('duration', `“${text}” is not a duration of more than 0. Write it like 45m, 90m, 1h30m, 1.5h or 2h.`);
  }
  const seconds = outcome.value * 60;
  if (seconds > MAX_ENTRY_SECONDS) throw invalid('duration', 'An entry can be at most 24 hours long. Split longer work into one entry per day.');
  return seconds;
}

function checkLength(times: EntryTimes, field: 'startedAt' | 'endedAt'): EntryTimes {
  const seconds = (times.endedAt.getTime() - times.startedAt.getTime()) / 1000;
  if (seconds <= 0) throw invalid(field, 'The end must be after the start.');
  if (seconds > MAX_ENTRY_SECONDS) throw invalid(field, 'An entry can be at most 24 hours long. Split longer work into one entry per day.');
  return times;
}

/**
 * A duration placed at the local midnight of `day` (default today), or at `start` when given: the
 * organization's calendar is read once, for what a day of work is and which day is today.
 */
async function durationTimes(db: Executor, caller: Caller, duration: string, day: string | undefined, start?: Date): Promise<EntryTimes> {
  const organizationId = caller.organization.id;
  const calendar = await findOrganizationCalendar(db, organizationId);
  const seconds = durationSeconds(duration, calendar?.workingMinutesPerDay ?? 480);
  const startedAt = start ?? (await localMidnight(db, organizationId, day ?? todayIn(calendar?.timeZone ?? 'UTC')));
  return { startedAt, endedAt: new Date(startedAt.getTime() + seconds * 1000) };
}

function refuseMixedForms(input: EntryTimesInput): void {
  if (input.duration !== undefined && (input.startedAt !== undefined || input.endedAt !== undefined)) {
    throw invalid('duration', 'Give either a duration or a start and an end, not both.');
  }
  if (input.date !== undefined && input.duration === undefined && (input.startedAt !== undefined || input.endedAt !== undefined)) {
    throw invalid('date', 'A date goes with a duration. With a start and an end, leave the date out.');
  }
}

/** A new entry's times: a duration (on `date`, default today in the organization's time zone) or a start and an end. */
export async function newEntryTimes(db: Executor, caller: Caller, input: EntryTimesInput): Promise<EntryTimes> {
  refuseMixedForms(input);
  if (input.duration !== undefined) return durationTimes(db, caller, input.duration, input.date);
  if (input.startedAt === undefined && input.endedAt === undefined) {
    throw invalid('duration', 'Give a duration (such as 1h30m) or a start and an end.');
  }
  if (input.startedAt === undefined) throw invalid('startedAt', 'Give the start as well as the end.');
  if (input.endedAt === undefined) throw invalid('endedAt', 'Give the end as well as the start.');
  return checkLength({ startedAt: parseInstant(input.startedAt, 'startedAt'), endedAt: parseInstant(input.endedAt, 'endedAt') }, 'endedAt');
}

/**
 * An edited entry's times, or undefined when the edit leaves them alone. A new duration keeps the
 * start (or starts at `date`'s midnight); a date alone moves the entry there, keeping its length;
 * a start or an end alone keeps the other.
 */
export async function editedEntryTimes(db: Executor, caller: Caller, current: EntryTimes, input: EntryTimesInput): Promise<EntryTimes | undefined> {
  refuseMixedForms(input);
  if (input.duration !== undefined) {
    return durationTimes(db, caller, input.duration, input.date, input.date === undefined ? current.startedAt : undefined);
  }
  if (input.date !== undefined) {
    const startedAt = await localMidnight(db, caller.organization.id, input.date);
    return { startedAt, endedAt: new Date(startedAt.getTime() + (current.endedAt.getTime() - current.startedAt.getTime())) };
  }
  if (input.startedAt === undefined && input.endedAt === undefined) return undefined;
  const times = {
    startedAt: input.startedAt === undefined ? current.startedAt : parseInstant(input.startedAt, 'startedAt'),
    endedAt: input.endedAt === undefined ? current.endedAt : parseInstant(input.endedAt, 'endedAt'),
  };
  return checkLength(times, input.endedAt === undefined ? 'startedAt' : 'endedAt');
}
