// `@handle` mentions: one definition for the api's markdown renderer (which links them), the use
// cases (which notify the people mentioned) and the web app (autocomplete, highlighting).

/** A mention is `@` + a handle at the start of a word: `@sam`, `@sam.lee` (not inside emails). */
export const MENTION = /(^|[^\w@.])@([a-z0-9][a-z0-9_.-]{0,31}[a-z0-9_]|[a-z0-9])/gi;

// Code is quoted, not addressed: the renderer never links `@sam` inside code, so it never notifies.
const FENCED_CODE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[`~]*[ \t]*(?=\n|$)|(?![\s\S]))/gm;
const INLINE_CODE = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)|(`+)(?!`)[^`]\2(?!`)/g;

/** The handles mentioned in a text, lower-cased, each once (code spans and blocks left out). */
export function mentionedHandles(text: string): string[] {
  const prose = text.replace(FENCED_CODE, '\n').replace(INLINE_CODE, ' ');
  return [...new Set([...prose.matchAll(MENTION)].map((m) => m[2]!.toLowerCase()))];
}
