// Calendar arithmetic on organization-local days ('YYYY-MM-DD'). A local day is a calendar date, not
// 24 hours: which instants it covers (23 h or 25 h on a DST switch) is the rollup's business (it
// splits entries at local midnight in the database); here a day is only a date.
import { MAX_REPORT_DAYS } from '@rytask/contracts';
import { AppError } from '../errors';

const DAY_MS = 24 * 60 * 60 * 1000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromMs(toMs(day) + days * DAY_MS);
}

/** Days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: string): number {
  return new Date(toMs(day)).getUTCDay();
}

/** The first day of the week holding `day`, weeks starting on `weekStart` (0 = Sunday). */
export function weekStartOf(day: string, weekStart: number): string {
  return addDays(day, -((dayOfWeek(day) - weekStart + 7) % 7));
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A report range: `from` ≤ `to`, at most MAX_REPORT_DAYS days. The field at fault is named. */
export function assertReportRange(from: string, to: string): void {
  if (to < from) {
    throw new AppError('validation_failed', `The range ends (${to}) before it starts (${from}): pick a “to” on or after “from”.`, { field: 'to' });
  }
  if (daysBetween(from, to) + 1 > MAX_REPORT_DAYS) {
    throw new AppError('validation_failed', `A report covers at most ${MAX_REPORT_DAYS} days; this range has ${daysBetween(from, to) + 1}.`, { field: 'to' });
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Mon 23 Nov' (or 'Mon 23 Nov 2026' with the year): plain English, the same on every server. */
export function formatDay(day: string, withYear = false): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[dayOfWeek(day)]} ${date} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`;
}

/** '31h 20m', '26h', '45m', '<1m' (under a minute but not nothing), '0m'. Rounded to the minute. */
export function formatDuration(seconds: number): string {
  if (seconds > 0 && seconds < 30) return '<1m';
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}
