import i18next from 'i18next';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { resources } from './resources';

/**
 * react-i18next with zh-CN and en resources (`resources.ts`): the Chinese text is the key and the default, so
 * `t('共 {n} 项', { n: 3 })` reads as Chinese in the code and interpolates `{name}` placeholders in either language.
 */
export type Locale = 'zh-CN' | 'en';
const STORAGE_KEY = 'designer.locale';

export type Translate = (text: string, params?: Record<string, string | number | undefined | null>) => string;

function readLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: readLocale(),
  fallbackLng: false,
  // Keys are whole Chinese sentences: '.' and ':' in them are text, not key paths or namespaces.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  returnEmptyString: false,
  initAsync: false,
});

export function translate(locale: Locale, text: string, params?: Record<string, string | number | undefined | null>) {
  return i18n.getFixedT(locale)(text, params ?? {}) as string;
}

/** For code outside React (error transformers): the locale currently shown. */
export function getLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** The translate function for the locale currently shown, for code outside React. */
export const tt: Translate = (text, params) => translate(getLocale(), text, params);

interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <DocumentLanguage />
      {children}
    </I18nextProvider>
  );
}

function DocumentLanguage() {
  const { locale, t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('职称评审流程设计器');
  }, [locale, t]);
  return null;
}

export function useI18n(): I18n {
  const { t: translateKey, i18n: instance } = useTranslation();
  const locale: Locale = instance.language === 'en' ? 'en' : 'zh-CN';
  const setLocale = useCallback(
    (l: Locale) => {
      try {
        localStorage.setItem(STORAGE_KEY, l);
      } catch {
        /* ignore */
      }
      void instance.changeLanguage(l);
    },
    [instance],
  );
  const t = useCallback<Translate>((text, params) => translateKey(text, params ?? {}) as string, [translateKey]);
  return useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
}

export function useT() {
  return useI18n().t;
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
