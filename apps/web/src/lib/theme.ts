import { useCallback, useSyncExternalStore } from 'react';

/** `system` follows the operating system (prefers-color-scheme); the others pin a scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'rytask.theme';
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system'; // storage can be blocked (private mode, policies): fall back quietly
  }
}

/** Sets `data-theme` on <html>; tokens.css picks colours from it (or from the OS when absent). */
export function applyTheme(choice: ThemeChoice = readChoice()): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not persisted, but still applied for this page.
  }
  applyTheme(choice);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribe, readChoice);
  return [choice, useCallback(setTheme, [])];
}
