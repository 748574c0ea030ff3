// Same rule as the contracts' PROJECT_KEY_PATTERN. Repeated here (not imported) because importing a
// value from '@rytask/contracts' would pull zod into the browser bundle; the server checks again.
const PROJECT_KEY = /^[A-Z][A-Z0-9]{1,9}$/;

/** What is wrong with a key, in plain words, or undefined when it is fine. */
export function keyProblem(key: string): string | undefined {
  if (!key) return 'Choose a key, like OPS';
  if (PROJECT_KEY.test(key)) return undefined;
  if (!/^[A-Z]/.test(key)) return 'Start the key with a letter';
  if (/[^A-Z0-9]/.test(key)) return 'Use only letters A–Z and digits';
  if (key.length < 2) return 'Use at least 2 characters';
  return 'Use at most 10 characters';
}

/** A key from a name: initials of several words, or the start of one word (letters/digits only). */
export function suggestKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const first = words[0];
  if (!first) return '';
  const key = words.length >= 2 ? words.map((word) => word[0]).join('') : first;
  const trimmed = key.replace(/^[0-9]+/, '').slice(0, words.length >= 2 ? 10 : 4);
  return trimmed.length >= 2 ? trimmed : first.replace(/^[0-9]+/, '').slice(0, 4);
}
