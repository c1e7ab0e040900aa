import { useEffect, useState } from 'preact/hooks';
import id from './id.json';

/** Bahasa Indonesia first; English is loaded only when someone switches to it. */
export type Language = 'id' | 'en';
type Catalogue = Record<string, string>;

const STORAGE_KEY = 'suara.language';
const catalogues: Partial<Record<Language, Catalogue>> = { id };
const listeners = new Set<(language: Language) => void>();
let current: Language = 'id';

/** The text of `key` in the current language, with {name} placeholders filled in. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const text = catalogues[current]?.[key] ?? (id as Catalogue)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const language = (): Language => current;

/** Whether the catalogues have a text for `key` (problem codes the API may add later may have none). */
export const hasText = (key: string): boolean => key in (catalogues[current] ?? id) || key in id;

/** BCP 47 tag for dates and numbers. */
export const locale = (): string => (current === 'id' ? 'id-ID' : 'en-GB');

export async function setLanguage(next: Language): Promise<void> {
  if (!catalogues[next]) catalogues[next] = (await import('./en.json')).default as Catalogue;
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing may refuse storage; the switch still holds for this visit.
  }
  listeners.forEach((listener) => listener(next));
}

/** The language chosen on an earlier visit, if any. */
export async function restoreLanguage(): Promise<void> {
  let saved: string | null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  if (saved === 'en') await setLanguage('en');
}

/** Re-renders the caller when the language changes. */
export function useLanguage(): Language {
  const [value, setValue] = useState(current);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}
