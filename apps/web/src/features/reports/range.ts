import { addDays, daysBetween, weekdayOf } from '../../lib/format';

/**
 * MAX_REPORT_DAYS of @rytask/contracts (time.ts). Repeated, not imported: the web app takes only
 * types from that module, which would otherwise bring zod into the browser bundle.
 */
export const MAX_REPORT_DAYS = 366;

export const PRESETS = ['this-week', 'last-week', 'this-month', 'last-30-days'] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_LABEL: Record<Preset | 'custom', string> = {
  'this-week': 'This week',
  'last-week': 'Last week',
  'this-month': 'This month',
  'last-30-days': 'Last 30 days',
  custom: 'Custom',
};

export type Range = { from: string; to: string };

/** The first day of the week `day` is in, for weeks starting on `weekStart` (0 = Sunday). */
export function weekStartOf(day: string, weekStart: number): string {
  return addDays(day, -((weekdayOf(day) - weekStart + 7) % 7));
}

/** A preset's days in the organization's calendar: `today` is its today, weeks start on `weekStart`. */
export function presetRange(preset: Preset, today: string, weekStart: number): Range {
  switch (preset) {
    case 'this-week': {
      const from = weekStartOf(today, weekStart);
      return { from, to: addDays(from, 6) };
    }
    case 'last-week': {
      const from = addDays(weekStartOf(today, weekStart), -7);
      return { from, to: addDays(from, 6) };
    }
    case 'this-month': {
      const from = `${today.slice(0, 8)}01`;
      const next = new Date(`${from}T12:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 1);
      return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
    }
    case 'last-30-days':
      return { from: addDays(today, -29), to: today };
  }
}

/** Why a custom range cannot be reported, in words; undefined when it can. */
export function rangeProblem(range: Partial<Range>): string | undefined {
  if (!range.from || !range.to) return 'Pick a first and a last day.';
  const days = daysBetween(range.from, range.to) + 1;
  if (days < 1) return 'The last day comes before the first day.';
  if (days > MAX_REPORT_DAYS) return `A report covers at most ${MAX_REPORT_DAYS} days; this range has ${days}.`;
  return undefined;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDay(value: string | null | undefined): value is string {
  return Boolean(value && ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
}
