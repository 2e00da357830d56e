import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useApiQuery, useWrite } from '../../api/query';
import { hasRole, Roles, useAuth } from '../../auth';
import { useCatalog, useLabels } from '../../catalog';
import { Empty, ErrorBox, Field, PageHeader, Spinner, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
interface Entry {
  code: string;
  name: string;
  nameEn?: string | null;
}
interface Locality extends Entry {
  parent?: string | null;
  counties: { code: string; name: string }[];
}

/** The lists of /api/vocabulary/{kind}, with the Chinese names of their tabs. */
const kinds: [string, string][] = [
  ['series', '系列'],
  ['levels', '层级'],
  ['kinds', '申报类型'],
  ['departments', '部门'],
  ['stages', '阶段'],
  ['roles', '角色'],
  ['actions', '动作'],
  ['employmentTypes', '人员类别'],
];

/** The field a 422 names (`$.code`, `$.parent`…), for showing the message next to it. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.errors.filter((e) => e.path).map((e) => [e.path!, e.message]));
}

/** 词表 / Vocabulary: localities with their counties, and the code lists; the policy admin adds entries. */
export function VocabularyPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const canWrite = hasRole(me, Roles.policyAdmin);
  return (
    <div className="page">
      <PageHeader title={t('词表')} subtitle={t('地区（含县）、系列、部门、阶段、角色等代码及其名称；流程校验、模拟和设计器的选择框都读这里')} />
      <LocalitiesSection canWrite={canWrite} />
      <EntriesSection canWrite={canWrite} />
    </div>
  );
}

function LocalitiesSection({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { reload: reloadCatalog } = useCatalog();
  const toast = useToast();
  const write = useWrite();
  const { data, error, loading, reload } = useApiQuery(['localities'], () => api.get<Paged<Locality>>('/api/localities?pageSize=200'));
  const [form, setForm] = useState({ code: '', name: '', nameEn: '', parent: '', counties: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // One county a line: "code 名称".
    const counties = form.counties
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [code, ...name] = line.split(/\s+/);
        return { code, name: name.join(' ') };
      });
    try {
      await write(() => api.post('/api/localities', { code: form.code, name: form.name, nameEn: form.nameEn || null, parent: form.parent || null, counties }));
      setProblems({});
      setForm({ code: '', name: '', nameEn: '', parent: '', counties: '' });
      toast(t('已添加地区 {name}', { name: form.name }), 'ok');
      reload();
      reloadCatalog();
    } catch (err) {
      setProblems(fieldErrors(err));
      if (!(err instanceof ApiError) || err.status !== 422) toast(String((err as Error).message ?? err), 'error');
    }
  };
  const countyProblem = Object.entries(problems).find(([path]) => path.startsWith('$.counties'))?.[1];
  return (
    <section className="card">
      <h2>{t('地区')}</h2>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {data && data.items.length === 0 && <Empty>{t('还没有地区')}</Empty>}
      {data && data.items.length > 0 && (
        <table className="table" aria-label={t('地区')}>
          <thead>
            <tr>
              <th>{t('代码')}</th>
              <th>{t('名称')}</th>
              <th>{t('上级地区')}</th>
              <th>{t('县（市、区）')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((l) => (
              <tr key={l.code}>
                <td>
                  <code>{l.code}</code>
                </td>
                <td>{labels.locality(l.code) || l.name}</td>
                <td>{l.parent ? labels.locality(l.parent) : '—'}</td>
                <td>{l.counties.map((c) => c.name).join('、') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form className="inline-form" onSubmit={submit} aria-label={t('添加地区')}>
          <h3>{t('添加地区')}</h3>
          <Field label={t('代码')} htmlFor="locality-code" error={problems['$.code']} required>
            <input id="locality-code" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value.trim() })} />
          </Field>
          <Field label={t('名称')} htmlFor="locality-name" error={problems['$.name']} required>
            <input id="locality-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <Field label={t('英文名称')} htmlFor="locality-name-en">
            <input id="locality-name-en" value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
          </Field>
          <Field label={t('上级地区')} htmlFor="locality-parent" error={problems['$.parent']}>
            <select id="locality-parent" value={form.parent} onChange={(e) => setForm({ ...form, parent: e.target.value })}>
              <option value="">{t('无（自治区、省级）')}</option>
              {data?.items.map((l) => (
                <option key={l.code} value={l.code}>
                  {labels.locality(l.code) || l.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('县（市、区）')} hint={t('每行一个：代码 名称，如 county-code 某某县')} htmlFor="locality-counties" error={countyProblem}>
            <textarea id="locality-counties" rows={3} value={form.counties} onChange={(e) => setForm({ ...form, counties: e.target.value })} />
          </Field>
          <button className="btn btn-primary" type="submit" disabled={write.pending}>
            {t('添加')}
          </button>
        </form>
      )}
    </section>
  );
}

function EntriesSection({ canWrite }: { canWrite: boolean }) {
  const { t, locale } = useI18n();
  const { reload: reloadCatalog } = useCatalog();
  const toast = useToast();
  const write = useWrite();
  const [kind, setKind] = useState('series');
  const { data, error, loading, reload } = useApiQuery(['vocabulary', 'list', kind], () => api.get<Paged<Entry>>(`/api/vocabulary/${kind}?pageSize=200`));
  const [form, setForm] = useState({ code: '', name: '', nameEn: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await write(() => api.post(`/api/vocabulary/${kind}`, { code: form.code, name: form.name, nameEn: form.nameEn || null }));
      setProblems({});
      setForm({ code: '', name: '', nameEn: '' });
      toast(t('已添加 {name}', { name: form.name }), 'ok');
      reload();
      reloadCatalog();
    } catch (err) {
      setProblems(fieldErrors(err));
      if (!(err instanceof ApiError) || err.status !== 422) toast(String((err as Error).message ?? err), 'error');
    }
  };
  return (
    <section className="card">
      <h2>{t('代码表')}</h2>
      <div className="filters">
        <label>
          {t('词表')}
          <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label={t('词表')}>
            {kinds.map(([code, name]) => (
              <option key={code} value={code}>
                {t(name)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {data && (
        <table className="table" aria-label={t('代码表')}>
          <thead>
            <tr>
              <th>{t('代码')}</th>
              <th>{t('名称')}</th>
              <th>{t('英文名称')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((entry) => (
              <tr key={entry.code}>
                <td>
                  <code>{entry.code}</code>
                </td>
                <td>{locale === 'en' ? entry.nameEn || entry.name : entry.name}</td>
                <td>{entry.nameEn ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form className="inline-form" onSubmit={submit} aria-label={t('添加条目')}>
          <h3>{t('添加条目')}</h3>
          <Field label={t('代码')} htmlFor="entry-code" error={problems['$.code']} required>
            <input id="entry-code" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value.trim() })} />
          </Field>
          <Field label={t('名称')} htmlFor="entry-name" error={problems['$.name']} required>
            <input id="entry-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <Field label={t('英文名称')} htmlFor="entry-name-en">
            <input id="entry-name-en" value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
          </Field>
          <button className="btn btn-primary" type="submit" disabled={write.pending}>
            {t('添加')}
          </button>
        </form>
      )}
    </section>
  );
}
