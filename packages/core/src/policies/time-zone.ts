/**
 * The canonical IANA name of a time zone (`europe/paris` → `Europe/Paris`), or null when it is not
 * one. Fixed offsets (`+02:00`) are refused: they ignore daylight saving, and PostgreSQL reads
 * POSIX offsets with the opposite sign.
 */
export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
