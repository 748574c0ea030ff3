// Splitting the input into whitespace-separated words with their offsets, and the marker rules.
import type { QuickAddToken } from './types';

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Each marker opens one kind of token, but only as the first character of a word. */
export const MARKERS: Readonly<Record<string, QuickAddToken['kind']>> = {
  '@': 'assignee',
  '#': 'label',
  '!': 'priority',
  '^': 'due',
  '~': 'estimate',
};

/** Words are maximal runs of non-whitespace (JavaScript's \s, so unicode spaces count too). */
export function splitWords(text: string): Word[] {
  return [...text.matchAll(/\S+/gu)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/**
 * The kind of token a word opens, or undefined for title text. A bare marker (`!` alone, `@` in
 * "meet @ 5") is punctuation, not a token.
 */
export function markerKind(word: string): QuickAddToken['kind'] | undefined {
  return word.length > 1 ? MARKERS[word[0]!] : undefined;
}

/**
 * `\` directly before a marker is an escape and disappears (`\#1` → `#1`); any other backslash is
 * kept. Applied anywhere in a title word, so escaping every marker of a text gives the text back.
 */
export function unescapeMarkers(word: string): string {
  return word.replace(/\\([@#!^~])/g, '$1');
}

/** Case-insensitive comparison key (NFC first, so "é" typed either way compares equal). */
export function fold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** What a resolver says about one token. */
export type Outcome<T> = { ok: true; value: T; display: string } | { ok: false; message: string };
