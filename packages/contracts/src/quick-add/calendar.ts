// Pure calendar math on 'YYYY-MM-DD'. A date is a day number (days since 1970-01-01) computed
// with Date.UTC, so neither the machine's time zone nor its clock ever enters the result.

const DAY_MS = 86_400_000;
/** Four-digit years only: 'YYYY' stays a fixed-width string, and Date.UTC maps years 0–99 to 19xx. */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9999;

export const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
export const FIRST_DAY = dayNumber(FIRST_YEAR, 1, 1);
export const LAST_DAY = dayNumber(LAST_YEAR, 12, 31);

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: number) => new Date(day * DAY_MS).getUTCDay();

export function isoDate(day: number): string {
  const date = new Date(day * DAY_MS);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export type IsoReading = { day: number } | { error: 'not-real' | 'out-of-range' } | undefined;

/** undefined when the text is not shaped like YYYY-MM-DD. */
export function readIsoDate(text: string): IsoReading {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return { error: 'not-real' };
  if (year < FIRST_YEAR) return { error: 'out-of-range' };
  if (day > daysInMonth(year, month)) return { error: 'not-real' };
  return { day: dayNumber(year, month, day) };
}

export const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
