// The one quick-add parser: `Fix login redirect @sam #bug #auth !high ^friday ~2h`. Pure (no
// clock, no time zone, no I/O) so the web app can run it on every keystroke and the API can trust
// it gives the same answer. The grammar for users is docs/user/quick-add.md.
import { resolveAssignee } from './assignee';
import { FIRST_YEAR, LAST_YEAR, readIsoDate } from './calendar';
import { resolveDue } from './due';
import { resolveEstimate } from './estimate';
import { resolveLabel } from './label';
import { resolvePriority } from './priority';
import type { QuickAddContext, QuickAddResult, QuickAddToken } from './types';
import { fold, markerKind, splitWords, unescapeMarkers, type Outcome, type Word } from './words';

type Problem = QuickAddResult['problems'][number];

/** A token that resolved; `apply` writes its field into the result if it is not overridden. */
interface Reading {
  token: QuickAddToken;
  display: string;
  apply: (result: QuickAddResult) => void;
}

/** Kinds of which an item has one: the last valid token wins. Labels add up instead. */
const SINGLE_KINDS: readonly QuickAddToken['kind'][] = ['assignee', 'priority', 'due', 'estimate'];

export function parseQuickAdd(text: string, context: QuickAddContext): QuickAddResult {
  const settings = readSettings(context);
  const words = splitWords(text);
  const titleWords: string[] = [];
  const readings: Reading[] = [];
  const problems: Problem[] = [];

  for (let i = 0; i < words.length; ) {
    const kind = markerKind(words[i]!.text);
    if (!kind) {
      titleWords.push(unescapeMarkers(words[i]!.text));
      i += 1;
      continue;
    }
    const { used, outcome } = readToken(kind, text, words.slice(i, i + 3), context, settings);
    const spanned = words.slice(i, i + used);
    const token: QuickAddToken = {
      kind,
      text: text.slice(spanned[0]!.start, spanned.at(-1)!.end),
      start: spanned[0]!.start,
      end: spanned.at(-1)!.end,
    };
    if (outcome.ok) {
      readings.push({ token, display: outcome.display, apply: outcome.value });
    } else {
      // Unresolved tokens stay in the title exactly as typed, so nothing the user wrote is lost.
      titleWords.push(...spanned.map((word) => word.text));
      problems.push({ ...token, message: outcome.message });
    }
    i += used;
  }

  const result: QuickAddResult = { title: titleWords.join(' '), labelIds: [], newLabels: [], understood: [], problems };
  const last = new Map(readings.map((reading) => [reading.token.kind, reading]));
  for (const reading of readings) {
    const winner = last.get(reading.token.kind)!;
    if (SINGLE_KINDS.includes(reading.token.kind) && winner !== reading) {
      problems.push({ ...reading.token, message: `${reading.token.text} was replaced by the later ${winner.token.text}.` });
      continue;
    }
    reading.apply(result);
    result.understood.push({ ...reading.token, value: reading.display });
  }
  problems.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
  if (result.title === '') {
    problems.push({
      kind: 'title',
      message:
        words.length === 0 ? 'Add a title.' : 'Add a title: everything typed was read as @, #, !, ^ or ~ details.',
    });
  }
  return result;
}

interface Settings {
  today: number;
  weekStart: number;
  minutesPerDay: number;
}

/**
 * The context comes from code, not from the user: a wrong one is a bug in the caller, so it
 * throws rather than being reported as a problem with the text.
 */
function readSettings(context: QuickAddContext): Settings {
  const today = readIsoDate(context.today);
  if (!today || !('day' in today)) {
    throw new RangeError(
      `parseQuickAdd: context.today must be a real date 'YYYY-MM-DD' in the years ${FIRST_YEAR}–${LAST_YEAR}, ` +
        `got ${JSON.stringify(context.today)}`,
    );
  }
  const weekStart = context.weekStart ?? 1;
  if (!Number.isInteger(weekStart) || weekStart < 0 || weekStart > 6) {
    throw new RangeError(`parseQuickAdd: context.weekStart must be an integer 0..6 (0 = Sunday), got ${weekStart}`);
  }
  const minutesPerDay = context.workingMinutesPerDay ?? 480;
  if (!Number.isInteger(minutesPerDay) || minutesPerDay < 1 || minutesPerDay > 1440) {
    throw new RangeError(`parseQuickAdd: context.workingMinutesPerDay must be an integer 1..1440, got ${minutesPerDay}`);
  }
  return { today: today.day, weekStart, minutesPerDay };
}

/** Resolves one token; its value is the change it makes to the result. */
function readToken(
  kind: QuickAddToken['kind'],
  input: string,
  words: Word[],
  context: QuickAddContext,
  settings: Settings,
): { used: number; outcome: Outcome<(result: QuickAddResult) => void> } {
  const text = words[0]!.text;
  switch (kind) {
    case 'assignee':
      return one(resolveAssignee(text, context.members), (member) => (result) => {
        result.assigneeId = member.id;
      });
    case 'label':
      return one(resolveLabel(text, context.labels), (label) => (result) => {
        if (!label.created) {
          if (!result.labelIds.includes(label.id)) result.labelIds.push(label.id);
        } else if (!result.newLabels.some((name) => fold(name) === fold(label.name))) {
          result.newLabels.push(label.name);
        }
      });
    case 'priority':
      return one(resolvePriority(text), (priority) => (result) => {
        result.priority = priority;
      });
    case 'estimate':
      return one(resolveEstimate(text, settings.minutesPerDay), (minutes) => (result) => {
        result.estimateMinutes = minutes;
      });
    case 'due': {
      const { used, outcome } = resolveDue(input, words, settings);
      return {
        used,
        outcome: map(outcome, (date) => (result) => {
          result.dueDate = date;
        }),
      };
    }
  }
}

const one = <T, U>(outcome: Outcome<T>, f: (value: T) => U) => ({ used: 1, outcome: map(outcome, f) });
const map = <T, U>(outcome: Outcome<T>, f: (value: T) => U): Outcome<U> =>
  outcome.ok ? { ...outcome, value: f(outcome.value) } : outcome;
