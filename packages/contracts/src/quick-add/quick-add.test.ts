import { describe, expect, it } from 'vitest';
import { parseQuickAdd, type QuickAddContext, type QuickAddMember } from './index';

const member = (id: string, name: string, email: string, handle: string | null = null): QuickAddMember => ({
  id,
  handle,
  name,
  email,
});

const members = [
  member('sam', 'Sam Lee', 'sam@example.com', 'sam'),
  member('samuel', 'Samuel Park', 'samuel.park@example.com', 'spark'),
  member('ana', 'Ana', 'ana.ortiz@example.com'),
  member('jo1', 'Jo Kim', 'jo.kim@example.com'),
  member('jo2', 'Jo Wu', 'jo.wu@example.com'),
  member('lee', 'Lee Brown', 'brownie@example.com', 'lbrown'),
];
const labels = [
  { id: 'bug', name: 'bug' },
  { id: 'ux', name: 'UX' },
  { id: 'cafe', name: 'Café' },
];

/** 2026-11-25 is a Wednesday. */
const context = (overrides: Partial<QuickAddContext> = {}): QuickAddContext => ({
  members,
  labels,
  today: '2026-11-25',
  ...overrides,
});
const parse = (text: string, overrides: Partial<QuickAddContext> = {}) => parseQuickAdd(text, context(overrides));
const due = (phrase: string, overrides: Partial<QuickAddContext> = {}) => parse(`Ship ${phrase}`, overrides).dueDate;

describe('parseQuickAdd', () => {
  it("reads every field of the product spec's example", () => {
    const text = 'Fix login redirect @sam #bug #auth !high ^friday ~2h';
    expect(parse(text)).toEqual({
      title: 'Fix login redirect',
      assigneeId: 'sam',
      labelIds: ['bug'],
      newLabels: ['auth'],
      priority: 'high',
      dueDate: '2026-11-27',
      estimateMinutes: 120,
      understood: [
        { kind: 'assignee', text: '@sam', start: 19, end: 23, value: 'Sam Lee' },
        { kind: 'label', text: '#bug', start: 24, end: 28, value: 'bug' },
        { kind: 'label', text: '#auth', start: 29, end: 34, value: 'auth (new label)' },
        { kind: 'priority', text: '!high', start: 35, end: 40, value: 'high' },
        { kind: 'due', text: '^friday', start: 41, end: 48, value: '2026-11-27' },
        { kind: 'estimate', text: '~2h', start: 49, end: 52, value: '2h' },
      ],
      problems: [],
    });
  });

  it('gives a title of the remaining words joined by single spaces', () => {
    expect(parse('  Fix \t the\n  login   ').title).toBe('Fix the login');
    expect(parse('Fix #bug the\u3000login !low now').title).toBe('Fix the login now');
  });

  describe('assignee', () => {
    it('matches a handle exactly, ignoring case', () => {
      expect(parse('x @SPARK').assigneeId).toBe('samuel');
    });

    it('matches a whole one-word name or a first name', () => {
      expect(parse('x @ana').assigneeId).toBe('ana');
      expect(parse('x @lee').assigneeId).toBe('lee'); // handle "lbrown", first name "Lee"
      expect(parse('x @samuel').assigneeId).toBe('samuel');
    });

    it('matches the start of the email name when handle and name do not', () => {
      expect(parse('x @brown').assigneeId).toBe('lee');
      expect(parse('x @ana.o').assigneeId).toBe('ana');
      expect(parse('x @brownie@example.com').assigneeId).toBe('lee');
    });

    it('prefers the handle over a name that also matches', () => {
      expect(parse('x @sam').assigneeId).toBe('sam'); // "sam" is a handle and a prefix of samuel.park
    });

    it('reports an ambiguous name with the candidates, keeps it in the title and assigns nobody', () => {
      const result = parse('Call @jo today');
      expect(result.assigneeId).toBeUndefined();
      expect(result.title).toBe('Call @jo today');
      expect(result.problems).toEqual([
        {
          kind: 'assignee',
          text: '@jo',
          start: 5,
          end: 8,
          message: '@jo could be Jo Kim or Jo Wu — kept in the title. Use a handle or an email name to pick one.',
        },
      ]);
    });

    it('reports an ambiguous email prefix', () => {
      expect(parse('x @jo.').problems[0]?.message).toMatch(/could be Jo Kim or Jo Wu/);
    });

    it('reports a member nobody matches and keeps the token in the title', () => {
      const result = parse('Fix @sma now');
      expect(result.title).toBe('Fix @sma now');
      expect(result.problems).toEqual([
        { kind: 'assignee', text: '@sma', start: 4, end: 8, message: 'No member matches @sma — kept in the title.' },
      ]);
    });
  });

  describe('labels', () => {
    it('uses an existing label whatever the case, and creates a missing one as spelled', () => {
      const result = parse('x #BUG #ux #NeedsDesign');
      expect(result.labelIds).toEqual(['bug', 'ux']);
      expect(result.newLabels).toEqual(['NeedsDesign']);
    });

    it('collapses duplicate labels, existing or new, keeping the first spelling', () => {
      const result = parse('x #bug #Bug #Infra #infra #INFRA');
      expect(result.labelIds).toEqual(['bug']);
      expect(result.newLabels).toEqual(['Infra']);
      expect(result.title).toBe('x');
    });

    it('accepts unicode letters and digits, - _ / and .', () => {
      const result = parse('x #café #日本語 #हिन्दी #v1.2/ui_x-y #٣');
      expect(result.labelIds).toEqual(['cafe']);
      expect(result.newLabels).toEqual(['日本語', 'हिन्दी', 'v1.2/ui_x-y', '٣']);
      expect(result.problems).toEqual([]);
    });

    it('matches a label typed in a different unicode form (NFD é)', () => {
      expect(parse('x #cafe\u0301').labelIds).toEqual(['cafe']);
    });

    it('reports names with other characters or over 50 characters', () => {
      const long = 'a'.repeat(51);
      const result = parse(`x #no!pe #${'a'.repeat(50)} #${long}`);
      expect(result.newLabels).toEqual(['a'.repeat(50)]);
      expect(result.title).toBe(`x #no!pe #${long}`);
      expect(result.problems.map((p) => p.message)).toEqual([
        '#no!pe is not a label name (letters, digits, - _ / and . only) — kept in the title.',
        `#${long} is longer than 50 characters — kept in the title.`,
      ]);
    });
  });

  describe('priority', () => {
    it.each([
      ['!urgent', 'urgent'],
      ['!HIGH', 'high'],
      ['!Medium', 'medium'],
      ['!low', 'low'],
      ['!none', 'none'],
      ['!1', 'urgent'],
      ['!2', 'high'],
      ['!3', 'medium'],
      ['!4', 'low'],
    ])('reads %s as %s', (token, priority) => {
      expect(parse(`x ${token}`).priority).toBe(priority);
    });

    it.each(['!hi', '!urg', '!0', '!5', '!!'])('reports %s and keeps it in the title', (token) => {
      const result = parse(`x ${token}`);
      expect(result.priority).toBeUndefined();
      expect(result.title).toBe(`x ${token}`);
      expect(result.problems[0]?.message).toBe(
        `${token} is not a priority (urgent, high, medium, low, none, or 1 to 4) — kept in the title.`,
      );
    });
  });

  describe('due date', () => {
    it('reads an ISO date', () => {
      expect(due('^2026-12-24')).toBe('2026-12-24');
      expect(due('^2024-02-29')).toBe('2024-02-29');
    });

    it.each(['^2026-02-30', '^2025-02-29', '^2026-13-01', '^2026-00-10', '^2026-04-31'])(
      'reports the impossible ISO date %s',
      (token) => {
        const result = parse(`Ship ${token}`);
        expect(result.dueDate).toBeUndefined();
        expect(result.title).toBe(`Ship ${token}`);
        expect(result.problems[0]?.message).toBe(`${token} is not a real date — kept in the title.`);
      },
    );

    it('reads today and tomorrow, in any case', () => {
      expect(due('^today')).toBe('2026-11-25');
      expect(due('^Tomorrow')).toBe('2026-11-26');
      expect(due('^tomorrow', { today: '2026-12-31' })).toBe('2027-01-01');
    });

    it('reads a weekday as its next occurrence after today, by full name or three letters', () => {
      expect(due('^friday')).toBe('2026-11-27');
      expect(due('^FRI')).toBe('2026-11-27');
      expect(due('^mon')).toBe('2026-11-30');
      expect(due('^thursday')).toBe('2026-11-26');
    });

    it('reads the weekday of today as a week later', () => {
      expect(due('^wednesday')).toBe('2026-12-02');
      expect(due('^wed')).toBe('2026-12-02');
    });

    it('reads next week as the first day of next week, honouring the week start', () => {
      expect(due('^next week')).toBe('2026-11-30'); // Monday
      expect(due('^next week', { weekStart: 0 })).toBe('2026-11-29'); // Sunday
      expect(due('^Next Week', { weekStart: 1, today: '2026-11-30' })).toBe('2026-12-07'); // from a Monday
      expect(due('^next week', { weekStart: 0, today: '2026-11-28' })).toBe('2026-11-29'); // from a Saturday
      expect(due('^next week', { weekStart: 6, today: '2026-11-28' })).toBe('2026-12-05');
    });

    it('reads in N days and in N weeks as three words', () => {
      const result = parse('Ship ^in 3 days now');
      expect(result.dueDate).toBe('2026-11-28');
      expect(result.title).toBe('Ship now');
      expect(result.understood).toEqual([
        { kind: 'due', text: '^in 3 days', start: 5, end: 15, value: '2026-11-28' },
      ]);
      expect(due('^in 2 weeks')).toBe('2026-12-09');
      expect(due('^in 1 day')).toBe('2026-11-26');
      expect(due('^in 1 week')).toBe('2026-12-02');
      expect(due('^in 40 days')).toBe('2027-01-04');
    });

    it('keeps the whitespace inside a phrase in the token text, so offsets stay true', () => {
      const text = 'Ship ^next   week';
      const [token] = parseQuickAdd(text, context()).understood;
      expect(token).toMatchObject({ text: '^next   week', start: 5, end: 17 });
      expect(text.slice(token!.start, token!.end)).toBe(token!.text);
    });

    it('reads a month and day in either order, by full name or three letters', () => {
      expect(due('^dec 24')).toBe('2026-12-24');
      expect(due('^24 dec')).toBe('2026-12-24');
      expect(due('^December 24')).toBe('2026-12-24');
      expect(due('^sept 3')).toBe('2027-09-03');
      expect(due('^may 05')).toBe('2027-05-05');
    });

    it('reads a month and day as the next such date on or after today', () => {
      expect(due('^nov 25')).toBe('2026-11-25');
      expect(due('^nov 24')).toBe('2027-11-24');
      expect(due('^jan 2', { today: '2026-12-30' })).toBe('2027-01-02');
      expect(due('^feb 29')).toBe('2028-02-29');
      expect(due('^feb 29', { today: '2097-03-01' })).toBe('2104-02-29'); // 2100 is not a leap year
    });

    it.each(['^feb 30', '^apr 31', '^32 jan', '^dec 0'])('reports the date that does not exist: %s', (token) => {
      const result = parse(`Ship ${token} soon`);
      expect(result.dueDate).toBeUndefined();
      expect(result.title).toBe(`Ship ${token} soon`);
      expect(result.problems).toEqual([
        { kind: 'due', text: token, start: 5, end: 5 + token.length, message: `${token} is not a real date — kept in the title.` },
      ]);
    });

    it('reports a phrase it cannot read and keeps the words in the title', () => {
      const result = parse('Ship ^someday ^in 3 ^next');
      expect(result.title).toBe('Ship ^someday ^in 3 ^next');
      expect(result.problems.map((p) => p.text)).toEqual(['^someday', '^in', '^next']);
      expect(result.problems[0]?.message).toBe(
        "Couldn't read ^someday as a date (try ^friday, ^dec 24, ^in 3 days or ^2026-12-24) — kept in the title.",
      );
    });

    it('reports dates outside the years 1000 to 9999', () => {
      expect(parse('x ^0999-12-31').problems[0]?.message).toBe('^0999-12-31 is before the year 1000 — kept in the title.');
      expect(parse('x ^in 99999999 days').problems[0]?.message).toBe(
        '^in 99999999 days is after the year 9999 — kept in the title.',
      );
      expect(due('^tomorrow', { today: '9999-12-31' })).toBeUndefined();
    });
  });

  describe('estimate', () => {
    it.each([
      ['~30m', 30, '30m'],
      ['~2h', 120, '2h'],
      ['~1h30m', 90, '1h 30m'],
      ['~1.5h', 90, '1h 30m'],
      ['~1d', 480, '8h'],
      ['~2d4h', 1200, '20h'],
      ['~1d2h3m', 603, '10h 3m'],
      ['~2H', 120, '2h'],
      ['~90m', 90, '1h 30m'],
    ])('reads %s as %d minutes', (token, minutes, value) => {
      const result = parse(`x ${token}`);
      expect(result.estimateMinutes).toBe(minutes);
      expect(result.understood[0]?.value).toBe(value);
    });

    it('uses the working day length from the context', () => {
      expect(parse('x ~1d', { workingMinutesPerDay: 450 }).estimateMinutes).toBe(450);
      expect(parse('x ~0.5d', { workingMinutesPerDay: 455 }).estimateMinutes).toBe(228);
    });

    it('rounds to whole minutes, half up', () => {
      expect(parse('x ~0.5m').estimateMinutes).toBe(1);
      expect(parse('x ~1.49m').estimateMinutes).toBe(1);
      expect(parse('x ~0.025h').estimateMinutes).toBe(2); // 1.5 minutes exactly
      expect(parse('x ~0.1h').estimateMinutes).toBe(6);
    });

    it('accepts up to 1000 working days and no more', () => {
      expect(parse('x ~1000d').estimateMinutes).toBe(480_000);
      expect(parse('x ~1000d1m').problems[0]?.message).toBe('~1000d1m is more than 1000 working days — kept in the title.');
    });

    it.each(['~0m', '~0.4m', '~0h0m'])('reports %s, which is not more than zero', (token) => {
      const result = parse(`x ${token}`);
      expect(result.estimateMinutes).toBeUndefined();
      expect(result.problems[0]?.message).toBe(`${token} is less than a minute — kept in the title.`);
    });

    it.each(['~2x', '~h', '~30m2h', '~.5h', '~1h30', '~5', '~1,5h'])('reports %s, which is not an estimate', (token) => {
      const result = parse(`x ${token}`);
      expect(result.estimateMinutes).toBeUndefined();
      expect(result.problems[0]?.message).toBe(
        `${token} is not an estimate (try ~30m, ~2h, ~1h30m, ~1.5h or ~1d) — kept in the title.`,
      );
    });
  });

  describe('escapes and words', () => {
    it('keeps an escaped marker as text without the backslash', () => {
      const result = parse('Reply to \\#1 and \\@sam about \\!high \\^friday \\~2h');
      expect(result.title).toBe('Reply to #1 and @sam about !high ^friday ~2h');
      expect(result.understood).toEqual([]);
      expect(result.problems).toEqual([]);
    });

    it('keeps a backslash that escapes nothing', () => {
      expect(parse('C:\\temp \\ a\\b').title).toBe('C:\\temp \\ a\\b');
      expect(parse('\\\\#1').title).toBe('\\#1'); // the second backslash escapes the marker
    });

    it('counts a marker only at the start of a word', () => {
      const result = parse('Mail a@b.com about C# and wow!high x^friday 5~2h');
      expect(result.title).toBe('Mail a@b.com about C# and wow!high x^friday 5~2h');
      expect(result.understood).toEqual([]);
      expect(result.problems).toEqual([]);
    });

    it('reads a marker on its own as punctuation', () => {
      const result = parse('Meet @ 5 ! # ^ ~');
      expect(result.title).toBe('Meet @ 5 ! # ^ ~');
      expect(result.problems).toEqual([]);
    });
  });

  describe('the same kind twice', () => {
    it('keeps the last valid one and reports the earlier ones as overridden, out of the title', () => {
      const result = parse('Fix !high @sam ^fri it @ana !low ^dec 24');
      expect(result).toMatchObject({ title: 'Fix it', priority: 'low', assigneeId: 'ana', dueDate: '2026-12-24' });
      expect(result.problems).toEqual([
        { kind: 'priority', text: '!high', start: 4, end: 9, message: '!high was replaced by the later !low.' },
        { kind: 'assignee', text: '@sam', start: 10, end: 14, message: '@sam was replaced by the later @ana.' },
        { kind: 'due', text: '^fri', start: 15, end: 19, message: '^fri was replaced by the later ^dec 24.' },
      ]);
      expect(result.understood.map((token) => token.text)).toEqual(['@ana', '!low', '^dec 24']);
    });

    it('does not let a later token that does not resolve replace a valid one', () => {
      const result = parse('Fix ~2h ~lots');
      expect(result.estimateMinutes).toBe(120);
      expect(result.title).toBe('Fix ~lots');
      expect(result.problems.map((p) => p.text)).toEqual(['~lots']);
    });
  });

  describe('an empty title', () => {
    it('is reported when only tokens were typed', () => {
      const result = parse('@sam !high');
      expect(result).toMatchObject({ title: '', assigneeId: 'sam', priority: 'high' });
      expect(result.problems).toEqual([
        { kind: 'title', message: 'Add a title: everything typed was read as @, #, !, ^ or ~ details.' },
      ]);
    });

    it('is reported for blank input', () => {
      expect(parse(' \n\t ').problems).toEqual([{ kind: 'title', message: 'Add a title.' }]);
    });

    it('comes after the token problems', () => {
      expect(parse('!high !low').problems.map((p) => p.kind)).toEqual(['priority', 'title']);
    });
  });

  describe('context', () => {
    it.each([
      [{ today: '2026-02-30' }, /context\.today/],
      [{ today: '26-11-25' }, /context\.today/],
      [{ weekStart: 7 }, /context\.weekStart/],
      [{ workingMinutesPerDay: 0 }, /context\.workingMinutesPerDay/],
    ])('refuses a context the caller got wrong: %o', (overrides, message) => {
      expect(() => parse('x', overrides)).toThrow(message);
    });
  });
});
