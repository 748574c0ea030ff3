// Plain-language formatting of dates, durations and people, in the browser's locale.

// Intl formatters are expensive to create (a board formats hundreds of dates per render), so each
// one is made once and reused; `toLocaleDateString(…, options)` would build a new one per call.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = make()));
  return cached;
}

/** 'YYYY-MM-DD' of now in a time zone (the organization's: due dates are calendar days there). */
export function todayIn(timeZone?: string): string {
  const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  try {
    return formatter(`today:${timeZone ?? ''}`, () => new Intl.DateTimeFormat('en-CA', { ...options, timeZone })).format(new Date());
  } catch {
    return formatter('today:', () => new Intl.DateTimeFormat('en-CA', options)).format(new Date());
  }
}

function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Whole days from `today` to `date` (negative when it is past). */
export function daysBetween(today: string, date: string): number {
  return dayNumber(date) - dayNumber(today);
}

export type DueState = 'overdue' | 'today' | 'soon' | 'later';

export function dueState(dueDate: string, today: string): DueState {
  const days = daysBetween(today, dueDate);
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  if (days <= 3) return 'soon';
  return 'later';
}

/** "Today", "Tomorrow", "Yesterday", "Friday", "3 Dec", "3 Dec 2027". */
export function formatDue(dueDate: string, today: string): string {
  const days = daysBetween(today, dueDate);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  const date = new Date(`${dueDate}T12:00:00Z`);
  if (days > 1 && days < 7) {
    return formatter('weekday', () => new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' })).format(date);
  }
  const sameYear = dueDate.slice(0, 4) === today.slice(0, 4);
  return formatter(sameYear ? 'day' : 'day-year', () =>
    new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric', timeZone: 'UTC' }),
  ).format(date);
}

/** 90 → "1h 30m", 480 → "8h", 20 → "20m". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

/** "just now", "5 minutes ago", "yesterday", "3 Dec" — for timelines and comments. */
export function formatWhen(iso: string, now = Date.now()): string {
  const then = new Date(iso).getTime();
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: days > 300 ? 'numeric' : undefined });
}

/** Full date and time, for a `title` tooltip next to a relative time. */
export function formatExact(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function initialsOf(name: string, fallback = '?'): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return fallback.slice(0, 1).toUpperCase();
  return words
    .slice(0, 2)
    .map((word) => word[0])
    .join('')
    .toUpperCase();
}

/**
 * Tracked time in words: 7800 → "2h 10m", 1800 → "30m", 45 → "45s", 0 → "0m". Whole minutes are
 * rounded down, so a sum never shows more than its parts add up to.
 */
export function formatSeconds(seconds: number): string {
  if (seconds > 0 && seconds < 60) return `${seconds}s`;
  return formatMinutes(Math.floor(seconds / 60));
}

/** A duration as the time-entry form reads it back: 5400 → "1h30m". */
export function durationInput(seconds: number): string {
  return formatSeconds(seconds).replace(' ', '');
}

/** Hours with at most one decimal, for chart axes and CSV-like tables: 5400 → "1.5". */
export function formatHours(seconds: number): string {
  return String(Math.round((seconds / 3600) * 10) / 10);
}

/** A running timer's clock: 3723 → "1:02:03", 83 → "0:01:23". */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' plus `days` (negative goes back). */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a calendar day. */
export function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T12:00:00Z`).getUTCDay();
}

/** A calendar day in words: "Mon 3 Mar" (`weekday`), "3 Mar", "3 Mar 2027" (`year`). */
export function formatDay(isoDate: string, options: { weekday?: 'short' | 'long'; year?: boolean } = {}): string {
  const key = `calendar:${options.weekday ?? ''}:${options.year ? 'y' : ''}`;
  return formatter(key, () =>
    new Intl.DateTimeFormat(undefined, {
      weekday: options.weekday,
      day: 'numeric',
      month: 'short',
      year: options.year ? 'numeric' : undefined,
      timeZone: 'UTC',
    }),
  ).format(new Date(`${isoDate}T12:00:00Z`));
}

/** "3 – 9 Mar 2025", "28 Feb – 6 Mar 2025", "3 Mar 2025" for a range of calendar days. */
export function formatDayRange(from: string, to: string): string {
  if (from === to) return formatDay(from, { year: true });
  return formatter('range', () => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }))
    .formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
}

/** The calendar day and clock time of an instant in a time zone (the organization's). */
export function dayAndTimeIn(iso: string, timeZone?: string): { day: string; time: string; midnight: boolean } {
  const date = new Date(iso);
  const zone = (key: string, locale: string | undefined, options: Intl.DateTimeFormatOptions) => {
    try {
      return formatter(`${key}:${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
    } catch {
      return formatter(`${key}:`, () => new Intl.DateTimeFormat(locale, options));
    }
  };
  return {
    day: zone('zone-day', 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date),
    time: zone('zone-time', undefined, { hour: '2-digit', minute: '2-digit' }).format(date),
    // A duration typed without a time starts at the day's midnight: its clock time means nothing.
    midnight: zone('zone-clock', 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date) === '00:00',
  };
}
