// `^due`: an ISO date or a phrase of one to three words. The longest phrase that fits wins, so
// `^in 3 days` takes three words and `^dec 24` two; the words after the `^` word are only taken
// when together they make a phrase.
import { FIRST_YEAR, LAST_DAY, LAST_YEAR, dayNumber, daysInMonth, isoDate, readIsoDate, weekday, yearOf } from './calendar';
import { type Outcome, type Word } from './words';

export interface DueSettings {
  /** Day number of the organization's today. */
  today: number;
  /** 0..6, 0 = Sunday. */
  weekStart: number;
}

type DueReading = { day: number } | { error: 'not-real' | 'out-of-range' | 'too-far' };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** Full name or its first three letters. */
const indexOfName = (names: string[], word: string) =>
  names.findIndex((name) => word === name || word === name.slice(0, 3));
const monthOf = (word: string) => (word === 'sept' ? 9 : indexOfName(MONTHS, word) + 1 || undefined);
const dayOfMonth = (word: string) => (/^\d{1,2}$/.test(word) ? Number(word) : undefined);

const after = (today: number, days: number): DueReading =>
  today + days > LAST_DAY ? { error: 'too-far' } : { day: today + days };

/** The first day strictly after today that falls on the given weekday (a week later if today is one). */
const nextWeekday = (today: number, target: number) => after(today, ((target - weekday(today) + 6) % 7) + 1);

/** The next month-day on or after today: `^jan 2` on Dec 30 is next year, `^feb 29` the next leap day. */
function nextMonthDay(month: number | undefined, day: number | undefined, today: number): DueReading | undefined {
  if (month === undefined || day === undefined) return undefined;
  if (day < 1 || day > daysInMonth(2000, month)) return { error: 'not-real' }; // 2000: a leap year
  // Eight years always reach a leap day (1896 → 1904 skips 1900).
  for (let year = yearOf(today); year <= Math.min(yearOf(today) + 8, LAST_YEAR); year += 1) {
    if (day <= daysInMonth(year, month) && dayNumber(year, month, day) >= today) return { day: dayNumber(year, month, day) };
  }
  return { error: 'too-far' };
}

/** Phrases by length, longest first; each reads lower-cased words with the `^` removed. */
const PHRASES: { words: number; read: (words: string[], settings: DueSettings) => DueReading | undefined }[] = [
  {
    words: 3,
    read: ([word, count, unit], { today }) => {
      const days = unit === 'day' || unit === 'days' ? 1 : unit === 'week' || unit === 'weeks' ? 7 : undefined;
      if (word !== 'in' || !/^\d+$/.test(count!) || days === undefined) return undefined;
      // More than seven digits is past the year 9999 from any today; also keeps Number() exact.
      return count!.replace(/^0+/, '').length > 7 ? { error: 'too-far' } : after(today, Number(count) * days);
    },
  },
  {
    words: 2,
    read: ([word, unit], { today, weekStart }) =>
      word === 'next' && unit === 'week' ? nextWeekday(today, weekStart) : undefined,
  },
  { words: 2, read: ([month, day], { today }) => nextMonthDay(monthOf(month!), dayOfMonth(day!), today) },
  { words: 2, read: ([day, month], { today }) => nextMonthDay(monthOf(month!), dayOfMonth(day!), today) },
  {
    words: 1,
    read: ([word], { today }) => (word === 'today' ? after(today, 0) : word === 'tomorrow' ? after(today, 1) : undefined),
  },
  {
    words: 1,
    read: ([word], { today }) => {
      const target = indexOfName(WEEKDAYS, word!);
      return target < 0 ? undefined : nextWeekday(today, target);
    },
  },
  { words: 1, read: ([word]) => readIsoDate(word!) },
];

const PROBLEMS = {
  'not-real': 'is not a real date',
  'out-of-range': `is before the year ${FIRST_YEAR}`,
  'too-far': `is after the year ${LAST_YEAR}`,
} as const;

/**
 * Reads the due date starting at words[0] (which starts with `^`). `used` is how many words the
 * token spans: a phrase that had the right shape but no real date (`^feb 30`) spans all its words.
 */
export function resolveDue(
  input: string,
  words: readonly Word[],
  settings: DueSettings,
): { used: number; outcome: Outcome<string> } {
  const lower = words.map((word, i) => (i === 0 ? word.text.slice(1) : word.text).toLowerCase());
  for (const phrase of PHRASES) {
    if (words.length < phrase.words) continue;
    const reading = phrase.read(lower.slice(0, phrase.words), settings);
    if (!reading) continue;
    const text = input.slice(words[0]!.start, words[phrase.words - 1]!.end);
    const outcome: Outcome<string> =
      'day' in reading
        ? { ok: true, value: isoDate(reading.day), display: isoDate(reading.day) }
        : { ok: false, message: `${text} ${PROBLEMS[reading.error]} — kept in the title.` };
    return { used: phrase.words, outcome };
  }
  return {
    used: 1,
    outcome: {
      ok: false,
      message: `Couldn't read ${words[0]!.text} as a date (try ^friday, ^dec 24, ^in 3 days or ^2026-12-24) — kept in the title.`,
    },
  };
}
