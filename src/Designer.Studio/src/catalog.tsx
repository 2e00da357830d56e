import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api } from './api/client';
import { getAll } from './api/paged';
import type { ActivityDescriptor, InputDescriptor, OptionDescriptor, Vocabulary } from './api/types';
import { useI18n, type Locale } from './i18n';
import { vocabEn } from './i18n/vocabEn';
import { catalogEn } from './i18n/catalog-en';

/**
 * The activity catalog (GET /api/activities) and the shared vocabulary (GET /api/vocabulary), loaded once and
 * shared: the toolbox, the property panel and every label of a stage, action, role or organisation come from here.
 */

const emptyVocab: Vocabulary = {
  localities: {},
  departments: {},
  stages: {},
  actions: {},
  roles: {},
  series: {},
  levels: {},
  kinds: {},
  employmentTypes: {},
  workplaceLevels: {},
  education: {},
  validIn: {},
  localityParents: {},
  counties: {},
  english: {},
  portLabels: {},
  organisationPlaceholders: ['unit', 'county/hr', 'applicant', 'system'],
  version: '',
};

/** The code lists of the applicant's fields (contract.md) that a workflow's scope and the public pages name. */
export type CodeKind = 'kinds' | 'series' | 'levels' | 'employmentTypes' | 'workplaceLevels' | 'education' | 'validIn';

/** Accepts {code: label}, [{code|value|name, label|displayName}] or [code]. */
function toMap(x: unknown): Record<string, string> {
  if (!x) return {};
  if (Array.isArray(x)) {
    const m: Record<string, string> = {};
    for (const item of x) {
      if (typeof item === 'string') m[item] = item;
      else if (item && typeof item === 'object') {
        const o = item as Record<string, any>;
        const code = o.code ?? o.value ?? o.name ?? o.id;
        if (code) m[code] = o.label ?? o.displayName ?? o.name ?? o.title ?? code;
      }
    }
    return m;
  }
  if (typeof x === 'object') return x as Record<string, string>;
  return {};
}

export function normaliseVocabulary(raw: any): Vocabulary {
  if (!raw || typeof raw !== 'object') return emptyVocab;
  const placeholders = raw.organisationPlaceholders ?? raw.placeholders;
  return {
    localities: toMap(raw.localities),
    departments: toMap(raw.departments),
    stages: toMap(raw.stages),
    actions: toMap(raw.actions),
    roles: toMap(raw.roles),
    series: toMap(raw.series),
    levels: toMap(raw.levels),
    kinds: toMap(raw.kinds),
    employmentTypes: toMap(raw.employmentTypes),
    workplaceLevels: toMap(raw.workplaceLevels),
    education: toMap(raw.education),
    validIn: toMap(raw.validIn),
    localityParents: raw.localityParents ?? {},
    counties: raw.counties ?? {},
    english: raw.english ?? {},
    version: raw.version ?? '',
    portLabels: toMap(raw.portLabels ?? raw.ports),
    organisationPlaceholders: Array.isArray(placeholders)
      ? placeholders.map((p: any) => (typeof p === 'string' ? p : p.code ?? p.value))
      : emptyVocab.organisationPlaceholders,
  };
}

const placeholderZh: Record<string, string> = {
  unit: '申报人所在单位',
  'county/hr': '申报人所在县（市、区）人社局',
  county: '申报人所在县（市、区）',
  applicant: '申报人本人',
  system: '系统',
  '{locality}': '本流程所属地区',
};

interface CatalogState {
  descriptors: ActivityDescriptor[];
  vocab: Vocabulary;
  loaded: boolean;
  error: string | null;
  reload: () => void;
}

const CatalogContext = createContext<CatalogState>({
  descriptors: [],
  vocab: emptyVocab,
  loaded: false,
  error: null,
  reload: () => {},
});

export function CatalogProvider({ children, userKey }: { children: ReactNode; userKey: string }) {
  // Anonymous (public pages): the catalog needs a signed-in user; the public vocabulary names localities, series and levels.
  const enabled = !!userKey;
  const activities = useQuery({ queryKey: ['activities', userKey], queryFn: () => getAll<ActivityDescriptor>('/api/activities'), enabled, staleTime: Infinity, meta: { fixed: true } });
  const vocabulary = useQuery({
    queryKey: ['vocabulary', userKey],
    queryFn: () => api.get(enabled ? '/api/vocabulary' : '/api/public/vocabulary'),
    staleTime: Infinity,
    meta: { fixed: true },
  });
  const { refetch: refetchActivities } = activities;
  const { refetch: refetchVocabulary } = vocabulary;
  const reload = useCallback(() => {
    void refetchActivities();
    void refetchVocabulary();
  }, [refetchActivities, refetchVocabulary]);
  const value = useMemo<CatalogState>(
    () => ({
      descriptors: Array.isArray(activities.data) ? activities.data : emptyDescriptors,
      vocab: vocabulary.data ? normaliseVocabulary(vocabulary.data) : emptyVocab,
      loaded: !vocabulary.isPending && (!enabled || !activities.isPending),
      error: activities.error ? String((activities.error as Error).message ?? activities.error) : null,
      reload,
    }),
    [activities.data, activities.isPending, activities.error, vocabulary.data, vocabulary.isPending, enabled, reload],
  );
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

const emptyDescriptors: ActivityDescriptor[] = [];

export function useCatalog() {
  return useContext(CatalogContext);
}

export interface Labels {
  locale: Locale;
  stage(code?: string | null): string;
  action(code?: string | null): string;
  role(code?: string | null): string;
  locality(code?: string | null): string;
  department(code?: string | null): string;
  /** A county by its code: of the given locality, else of whichever locality has it; a name stays as it is. */
  county(locality: string | null | undefined, code?: string | null): string;
  /** A code of an applicant-field list (series, levels, kinds, employment types...). */
  code(kind: CodeKind, code?: string | null): string;
  org(code?: string | null): string;
  port(name: string): string;
  activity(typeName: string): string;
  activityDescription(d: ActivityDescriptor): string;
  /** An input's display name; the activity's type name is found from the catalog when not given. */
  input(input: InputDescriptor, typeName?: string): string;
  inputDescription(input: InputDescriptor, typeName?: string): string;
  category(name: string): string;
  option(option: OptionDescriptor): string;
}

export function makeLabels(vocab: Vocabulary, descriptors: ActivityDescriptor[], locale: Locale): Labels {
  const en = locale === 'en';
  const byType = new Map(descriptors.map((d) => [d.typeName, d]));
  const typeOfInput = new Map<InputDescriptor, string>();
  for (const d of descriptors) for (const i of d.inputs ?? []) typeOfInput.set(i, d.typeName);
  const inputEn = (input: InputDescriptor, typeName?: string) => {
    const type = typeName ?? typeOfInput.get(input);
    return type ? catalogEn[type]?.inputs[input.name] : undefined;
  };
  const english = (kind: string, code: string): string | undefined =>
    vocab.english?.[kind]?.[code] ?? (kind === 'localities' && code === 'templates' ? vocabEn.placeholders.templates : undefined);
  const pick = (kind: keyof Vocabulary & string, code?: string | null) => {
    if (!code) return '';
    if (en) {
      const name = english(kind, code);
      if (name) return name;
    }
    const map = vocab[kind] as Record<string, string>;
    return map?.[code] ?? code;
  };
  const countyName = (locality: string | null | undefined, code?: string | null) => {
    if (!code) return '';
    const own = locality ? vocab.counties?.[locality]?.[code] : undefined;
    if (own) return own;
    for (const counties of Object.values(vocab.counties ?? {})) if (counties?.[code]) return counties[code];
    return code;
  };
  const labels: Labels = {
    locale,
    stage: (c) => pick('stages', c),
    action: (c) => pick('actions', c),
    role: (c) => pick('roles', c),
    locality: (c) => pick('localities', c),
    department: (c) => pick('departments', c),
    county: (locality, code) => countyName(locality, code),
    code: (kind, c) => pick(kind, c),
    org(code) {
      if (!code) return '';
      const ph = en ? vocabEn.placeholders[code] : placeholderZh[code];
      if (ph) return ph;
      if (code.startsWith('unit:')) return code.slice(5);
      const county = /^county\/([^:/]+):(.*)$/.exec(code);
      // `county/<department>:<county>`: the applicant's county, stored by code or by name.
      if (county) return `${countyName(undefined, county[2])} ${pick('departments', county[1])}`;
      const parts = code.split('/');
      if (parts[0] === 'county' && parts.length === 2) return `${en ? vocabEn.placeholders.county : placeholderZh.county} · ${pick('departments', parts[1])}`;
      const bureauCounty = parts.length === 3 ? vocab.counties?.[parts[0]]?.[parts[1]] : undefined;
      if (bureauCounty) return [pick('localities', parts[0]), bureauCounty, pick('departments', parts[2])].join(' · ');
      if (parts.length >= 2) {
        const loc = parts[0] === '{locality}' ? (en ? vocabEn.placeholders['{locality}'] : placeholderZh['{locality}']) : pick('localities', parts[0]);
        const dep = pick('departments', parts[1]);
        const rest = parts.slice(2).join('/');
        return [loc, dep, rest].filter(Boolean).join(' · ');
      }
      return code;
    },
    port(name) {
      if (en) return english('actions', name) ?? vocabEn.portLabels[name] ?? name;
      return vocab.actions[name] ?? vocab.portLabels[name] ?? name;
    },
    activity(typeName) {
      if (en && vocabEn.activities[typeName]) return vocabEn.activities[typeName];
      return byType.get(typeName)?.displayName ?? typeName.split('.').pop() ?? typeName;
    },
    activityDescription(d) {
      if (en) return catalogEn[d.typeName]?.description ?? d.description;
      return d.description;
    },
    input(input, typeName) {
      if (en) {
        const e = inputEn(input, typeName)?.displayName ?? vocabEn.inputs[input.name];
        if (e) return e;
      }
      return input.displayName || input.name;
    },
    inputDescription(input, typeName) {
      if (en) return inputEn(input, typeName)?.description ?? input.description ?? '';
      return input.description ?? '';
    },
    category(name) {
      return en ? vocabEn.categories[name] ?? name : name;
    },
    option(o) {
      if (en)
        return vocabEn.options[o.value] ?? english('stages', o.value) ?? english('employmentTypes', o.value) ?? english('actions', o.value) ?? vocabEn.portLabels[o.value] ?? o.label ?? o.value;
      return o.label || o.value;
    },
  };
  return labels;
}

export function useLabels(): Labels {
  const { vocab, descriptors } = useCatalog();
  const { locale } = useI18n();
  return useMemo(() => makeLabels(vocab, descriptors, locale), [vocab, descriptors, locale]);
}

export function useDescriptorMap() {
  const { descriptors } = useCatalog();
  return useMemo(() => new Map(descriptors.map((d) => [d.typeName, d])), [descriptors]);
}
