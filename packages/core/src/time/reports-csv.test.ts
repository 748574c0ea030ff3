import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './reports-csv';
import { formatDuration, weekStartOf } from './reports-calendar';

describe('CSV cells', () => {
  it('quotes fields holding quotes, commas or line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 3600, null])).toBe('plain,"a,b","say ""hi""","two\nlines","cr\rhere",3600,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but leaves numbers and unicode alone', () => {
    expect(['=1+1', '+49 30', '-x', '@SUM(A1)', '\tTab', '\rCR'].map(csvCell)).toEqual(["'=1+1", "'+49 30", "'-x", "'@SUM(A1)", "'\tTab", "\"'\rCR\""]);
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('Zoë 😀 a=b')).toBe('Zoë 😀 a=b');
  });
});

describe('report calendar', () => {
  it('finds the week start for every week start day, across month and year ends', () => {
    // Thursday 1 January 2026.
    expect([0, 1, 2, 3, 4, 5, 6].map((ws) => weekStartOf('2026-01-01', ws))).toEqual(['2025-12-28', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2025-12-26', '2025-12-27']);
  });

  it('writes durations as hours and minutes', () => {
    expect([0, 10, 59, 60, 3600, 3660, 112_800].map(formatDuration)).toEqual(['0m', '<1m', '1m', '1m', '1h', '1h 1m', '31h 20m']);
  });
});
