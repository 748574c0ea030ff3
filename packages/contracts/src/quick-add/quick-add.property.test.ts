import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd, type QuickAddContext, type QuickAddPriority, type QuickAddResult } from './index';

const members = [
  { id: 'm-sam', handle: 'sam', name: 'Sam Lee', email: 'sam@example.com' },
  { id: 'm-ana', handle: 'ana', name: 'Ana Ortiz', email: 'ana.ortiz@example.com' },
  { id: 'm-jo', handle: null, name: 'Jo', email: 'jo@example.org' },
];
const labels = [
  { id: 'l-bug', name: 'bug' },
  { id: 'l-ux', name: 'UX' },
  { id: 'l-ops', name: 'ops/infra' },
];
const context = (today = '2026-11-25', extra: Partial<QuickAddContext> = {}): QuickAddContext => ({
  members,
  labels,
  today,
  ...extra,
});

const DAY_MS = 86_400_000;
/** The tests' own calendar: plain Date stepping, independent of the parser's arithmetic. */
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number) => iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS));
function firstDayFrom(isoDate: string, offset: number, matches: (date: Date) => boolean): string {
  for (let date = new Date(Date.parse(`${isoDate}T00:00:00Z`) + offset * DAY_MS); ; date = new Date(+date + DAY_MS)) {
    if (matches(date)) return iso(date);
  }
}

const normalise = (text: string) => text.split(/\s+/u).filter(Boolean).join(' ');
const isoDay = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map(iso);
const randomCase = (word: string) =>
  fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) =>
    [...word].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''),
  );

/** Text made of the grammar's own pieces, so the generator hits tokens, phrases and escapes often. */
const PIECES = [
  '@', '#', '!', '^', '~', '\\', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', 'sam', 'SAM', 'jo', 'ana', 'bug',
  'high', '1', '3', '24', '30', 'next', 'week', 'in', 'days', 'dec', 'feb', 'fri', 'today', '2026-02-30', '^next',
  '^in', '^dec', '^24',
  '2026-12-24', '1h', '30m', '1.5h', '2d', 'é', '日本', 'e\u0301', '\ud83d', '🙂',
];
const grammarText = (pieces = PIECES) => fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 30 }).map((p) => p.join(''));
const anyText = fc.oneof(grammarText(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const today = isoDay('1990-01-01', '2100-12-31');
const weekStart = fc.integer({ min: 0, max: 6 });
const whitespace = fc.constantFrom(' ', '  ', '\t', '\n', ' \u3000 ');

describe('parseQuickAdd, for any input', () => {
  it('never throws, on any text including unicode and backslashes', () => {
    fc.assert(
      fc.property(anyText, today, weekStart, (text, day, start) => {
        parseQuickAdd(text, context(day, { weekStart: start }));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives each token offsets whose slice of the input is its text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseQuickAdd(text, context());
        for (const token of [...result.understood, ...result.problems.filter((p) => p.kind !== 'title')]) {
          expect(text.slice(token.start, token.end)).toBe(token.text);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never leaves an understood token in the title', () => {
    // Without backslashes: `\#bug` legitimately puts the text "#bug" in the title.
    const noEscapes = PIECES.filter((piece) => piece !== '\\');
    fc.assert(
      fc.property(grammarText(noEscapes).map((text) => text.replaceAll('\\', '')), (text) => {
        const result = parseQuickAdd(text, context());
        for (const token of result.understood) expect(` ${result.title} `).not.toContain(` ${normalise(token.text)} `);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps words without markers exactly, with whitespace normalised', () => {
    fc.assert(
      fc.property(anyText.map((text) => text.replace(/[@#!^~]/g, '')), (text) => {
        const result = parseQuickAdd(text, context());
        expect(result.title).toBe(normalise(text));
        expect(result.understood).toEqual([]);
        expect(result.problems.filter((p) => p.kind !== 'title')).toEqual([]);
      }),
    );
  });

  it('reads back an arbitrary text whose markers are all escaped, with no tokens', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseQuickAdd(text.replace(/[@#!^~]/g, '\\$&'), context());
        expect(result.title).toBe(normalise(text));
        expect(result.understood).toEqual([]);
        expect(result.problems).toEqual(result.title ? [] : [{ kind: 'title', message: 'Add a title.' }]);
      }),
    );
  });

  it('reads any estimate XhYm as 60X + Y minutes', () => {
    const estimate = fc
      .tuple(fc.integer({ min: 0, max: 7999 }), fc.integer({ min: 0, max: 999 }))
      .filter(([hours, minutes]) => hours + minutes > 0 && 60 * hours + minutes <= 1000 * 480);
    fc.assert(
      fc.property(estimate, ([hours, minutes]) => {
        expect(parseQuickAdd(`x ~${hours}h${minutes}m`, context()).estimateMinutes).toBe(60 * hours + minutes);
      }),
    );
  });

  it('reads any ISO date from 1000 to 9999 as itself', () => {
    fc.assert(
      fc.property(isoDay('1000-01-01', '9999-12-31'), today, (date, day) => {
        expect(parseQuickAdd(`x ^${date}`, context(day)).dueDate).toBe(date);
      }),
    );
  });
});

/** A due phrase and, from the tests' own calendar, the date it should give. */
const duePhrase = (day: string, start: number): fc.Arbitrary<[string, string]> =>
  fc.oneof(
    isoDay('1000-01-01', '9999-12-31').map((date): [string, string] => [date, date]),
    fc.constantFrom<[string, string]>(['today', day], ['tomorrow', addDays(day, 1)]),
    fc
      .tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom(['day', 1], ['days', 1], ['week', 7], ['weeks', 7] as const))
      .map(([count, [unit, size]]): [string, string] => [`in ${count} ${unit}`, addDays(day, count * size)]),
    fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.boolean())
      .chain(([target, short]) => {
        const name = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][target]!;
        return randomCase(short ? name.slice(0, 3) : name).map((word): [string, string] => [
          word,
          firstDayFrom(day, 1, (date) => date.getUTCDay() === target),
        ]);
      }),
    fc.constant<[string, string]>(['next week', firstDayFrom(day, 1, (date) => date.getUTCDay() === start)]),
    fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom('mon d', 'd mon', 'month d'))
      .filter(([month, date]) => date <= new Date(Date.UTC(2000, month, 0)).getUTCDate())
      .map(([month, date, form]): [string, string] => {
        const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
        const phrase = { 'mon d': `${name.slice(0, 3)} ${date}`, 'd mon': `${date} ${name.slice(0, 3)}`, 'month d': `${name} ${date}` }[form];
        const expected = firstDayFrom(day, 0, (d) => d.getUTCMonth() === month - 1 && d.getUTCDate() === date);
        return [phrase, expected];
      }),
  );

type Expected = Pick<QuickAddResult, 'assigneeId' | 'priority' | 'dueDate' | 'estimateMinutes'> & {
  labelIds: string[];
  newLabels: string[];
};

/** Title words, a random subset of valid tokens, their fields, shuffled together. */
const generatedItem = fc
  .record({
    today,
    weekStart,
    titleWords: fc.array(
      fc.string({ unit: 'grapheme', minLength: 1 }).map((word) => word.replace(/[\s@#!^~\\]/gu, '')).filter(Boolean),
      { minLength: 1, maxLength: 6 },
    ),
    assignee: fc.option(
      fc.constantFrom(['@sam', 'm-sam'], ['@Ana.O', 'm-ana'], ['@jo', 'm-jo'], ['@ANA', 'm-ana']),
      { nil: undefined },
    ),
    existingLabels: fc.subarray(labels),
    newLabels: fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9_\-/.éü日本]{1,50}$/), {
      maxLength: 3,
      selector: (name) => name.toLowerCase(),
    }),
    priority: fc.option(
      fc.constantFrom<[string, QuickAddPriority]>(['urgent', 'urgent'], ['HIGH', 'high'], ['3', 'medium'], ['low', 'low'], ['none', 'none']),
      { nil: undefined },
    ),
    estimate: fc.option(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 59 })), { nil: undefined }),
    withDue: fc.boolean(),
    separators: fc.array(whitespace, { minLength: 30, maxLength: 30 }),
    /** Between the words of a date phrase, e.g. `^in\t3  days`. */
    phraseGap: whitespace,
  })
  .chain((item) =>
    fc.tuple(fc.constant(item), item.withDue ? duePhrase(item.today, item.weekStart) : fc.constant(undefined)),
  )
  .chain(([item, due]) => {
    const newLabels = item.newLabels.filter((name) => !labels.some((label) => label.name.toLowerCase() === name.toLowerCase()));
    const tokens = [
      ...(item.assignee ? [item.assignee[0]] : []),
      ...item.existingLabels.map((label) => `#${label.name.toUpperCase()}`),
      ...newLabels.map((name) => `#${name}`),
      ...(item.priority ? [`!${item.priority[0]}`] : []),
      ...(item.estimate ? [`~${item.estimate[0]}h${item.estimate[1]}m`] : []),
      ...(due ? [`^${due[0].replaceAll(' ', item.phraseGap)}`] : []),
    ];
    const expected: Expected = {
      assigneeId: item.assignee?.[1],
      labelIds: item.existingLabels.map((label) => label.id),
      newLabels,
      priority: item.priority?.[1],
      dueDate: due?.[1],
      estimateMinutes: item.estimate ? item.estimate[0] * 60 + item.estimate[1] : undefined,
    };
    const slots = [...item.titleWords.map(() => 'title'), ...tokens];
    return fc.shuffledSubarray(slots, { minLength: slots.length }).map((order) => {
      let nextTitleWord = 0;
      const words = order.map((slot) => (slot === 'title' ? item.titleWords[nextTitleWord++]! : slot));
      const text = words.map((word, i) => word + item.separators[i % item.separators.length]).join('');
      return { text, item, expected, tokenCount: tokens.length };
    });
  });

describe('parseQuickAdd, for generated items', () => {
  it('reads back the fields and token offsets of an item written as title words and tokens in any order', () => {
    fc.assert(
      fc.property(generatedItem, ({ text, item, expected, tokenCount }) => {
        const result = parseQuickAdd(text, context(item.today, { weekStart: item.weekStart }));
        expect(result.problems).toEqual([]);
        expect(result.title).toBe(item.titleWords.join(' '));
        expect(result.understood).toHaveLength(tokenCount);
        for (const token of result.understood) expect(text.slice(token.start, token.end)).toBe(token.text);
        expect({
          assigneeId: result.assigneeId,
          labelIds: [...result.labelIds].sort(),
          newLabels: [...result.newLabels].sort(),
          priority: result.priority,
          dueDate: result.dueDate,
          estimateMinutes: result.estimateMinutes,
        }).toEqual({ ...expected, labelIds: [...expected.labelIds].sort(), newLabels: [...expected.newLabels].sort() });
      }),
      { numRuns: 500 },
    );
  });
});
