import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';

/**
 * A small dictionary: the Chinese text is the key and the default; `en` maps it to English.
 * `t('共 {n} 项', { n: 3 })` interpolates `{name}` placeholders in either language.
 */
export type Locale = 'zh-CN' | 'en';
const STORAGE_KEY = 'designer.locale';

export type Translate = (text: string, params?: Record<string, string | number | undefined | null>) => string;

function interpolate(text: string, params?: Record<string, string | number | undefined | null>) {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k) => (params[k] === undefined || params[k] === null ? m : String(params[k])));
}

export function translate(locale: Locale, text: string, params?: Record<string, string | number | undefined | null>) {
  const s = locale === 'en' ? (en[text] ?? text) : text;
  return interpolate(s, params);
}

let currentLocale: Locale = readLocale();

function readLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN';
}

/** For code outside React (error transformers): the locale currently shown. */
export function getLocale(): Locale {
  return currentLocale;
}

/** The translate function for the locale currently shown, for code outside React. */
export const tt: Translate = (text, params) => translate(currentLocale, text, params);

interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'zh-CN', setLocale: () => {}, t: (s, p) => interpolate(s, p) });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(currentLocale);
  const setLocale = useCallback((l: Locale) => {
    currentLocale = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
    setLocaleState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, '职称评审流程设计器');
  }, [locale]);
  const t = useCallback<Translate>((text, params) => translate(locale, text, params), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}

export function useT() {
  return useContext(I18nContext).t;
}

export function formatDate(value: string | null | undefined, locale: Locale, withTime = true) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    hour12: false,
  });
}
