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
