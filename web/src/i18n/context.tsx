import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Refused, refusalWords } from '../lib/refusals';
import { en } from './en';
import { type MessageKey, type Messages, vi } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Messages> = { vi, en };
const storageKey = 'language';

export type Translate = ((key: MessageKey, params?: Record<string, string | number>) => string) & {
  /** The language it writes, for words that come from the domain (indicator units). */
  language: Language;
  /** A refusal of the server (its key, parameters and Vietnamese words) in this language. */
  refusal: (refused: Refused) => string;
};

type I18n = { language: Language; setLanguage: (language: Language) => void; t: Translate };

const I18nContext = createContext<I18n | null>(null);

function isLanguage(value: unknown): value is Language {
  return languages.some((language) => language === value);
}

function storedLanguage(): Language {
  // Private browsing or a locked-down profile may refuse storage: fall back to the default.
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  useEffect(() => {
    // Screen readers and hyphenation follow the document language.
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembering the choice is harmless.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = catalogues[language];
    const t = Object.assign(
      (key: MessageKey, params?: Record<string, string | number>) => interpolate(messages[key], params),
      { language, refusal: (refused: Refused) => refusalWords(refused, language) },
    );
    return { language, setLanguage, t };
  }, [language, setLanguage]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT() needs an <I18nProvider> above it');
  return i18n;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useI18n();
  return [language, setLanguage];
}
