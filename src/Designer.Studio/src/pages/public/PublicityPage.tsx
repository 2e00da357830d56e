import { useEffect, useState } from 'react';
import { api, ApiError, qs } from '../../api/client';
import type { Paged } from '../../api/types';
import { Pager } from '../../components/Pager';
import { useApiQuery, useWrite } from '../../api/query';
import { useCatalog, useLabels } from '../../catalog';
import { hasRole, Roles, useAuth } from '../../auth';
import { Badge, Empty, ErrorBox, Field, Modal, PageHeader, Spinner, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { navigate, withQuery } from '../../router';

interface Notice {
  id: string;
  locality?: string;
  stage?: string;
  stageName?: string;
  title?: string;
  subject?: string;
  name?: string;
  unit?: string;
  series?: string;
  level?: string;
  startDate?: string;
  endDate?: string;
  org?: string;
}

/** One notice per organisation, stage and title (a unit's, a committee's or a locality's list), each listing its names. */
function groupNotices(notices: Notice[]): Notice[][] {
  const groups = new Map<string, Notice[]>();
  for (const n of notices) {
    const key = [n.locality, n.stage, n.org, n.unit, n.title].join('|');
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return [...groups.values()];
}

/** Current public notices (公示) with an objection form; no sign-in needed. */
export function PublicityPage({ locality }: { locality: string }) {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const [page, setPage] = useState(1);
  // 200 a page: the notices are grouped by publicity on the page, and a group seldom spans two pages.
  const { data: listed, error, loading, reload } = useApiQuery(['publicity', locality, page], () =>
    api.get<Paged<Notice>>(`/api/public/publicity${qs({ locality, page, pageSize: 200 })}`),
  );
  const data = listed?.items;
  useEffect(() => setPage(1), [locality]);
  const [objecting, setObjecting] = useState<Notice | null>(null);
  const { vocab } = useCatalog();
  const localities = Object.keys(vocab.localities).filter((code) => code !== 'templates');
  const { me } = useAuth();
  const mayExport = hasRole(me, Roles.reviewer, Roles.localityAdmin, Roles.policyAdmin);
  return (
    <div className="page">
      <PageHeader title={t('公示')} subtitle={t('公示期内，任何人都可以对公示对象提出异议')} />
      <div className="filters">
        <label>
          {t('地区')}
          <select value={locality} onChange={(e) => navigate(withQuery('/public/publicity', { locality: e.target.value }))} aria-label={t('地区')}>
            <option value="">{t('全部地区')}</option>
            {localities.map((l) => (
              <option key={l} value={l}>
                {labels.locality(l)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && (data ?? []).length === 0 && <Empty>{t('当前没有正在公示的事项')}</Empty>}
      <div className="cards">
        {groupNotices(data ?? []).map((group) => {
          const first = group[0];
          return (
            <section key={first.id} className="card notice-card" aria-label={first.title}>
              <div className="notice-head">
                <Badge tone="accent">{locale === 'en' ? labels.stage(first.stage) : first.stageName || labels.stage(first.stage)}</Badge>
                <span className="muted small">{labels.locality(first.locality)}</span>
              </div>
              <h2>{first.title}</h2>
              {first.unit && (
                <div className="muted small">
                  {t('单位')}：{first.unit}
                </div>
              )}
              {first.subject && <p className="card-desc">{first.subject}</p>}
              <table className="table compact notice-names">
                <thead>
                  <tr>
                    <th>{t('姓名')}</th>
                    <th>{t('系列、层级')}</th>
                    <th>{t('公示期')}</th>
                    <th>
                      <span className="sr-only">{t('提出异议')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {group.map((n) => (
                    <tr key={n.id} data-notice-id={n.id}>
                      <td>{n.name}</td>
                      <td>
                        {labels.code('series', n.series)} {labels.code('levels', n.level)}
                      </td>
                      <td className="small">
                        {n.startDate} — {n.endDate}
                      </td>
                      <td className="row-actions">
                        <button className="btn btn-small" onClick={() => setObjecting(n)} aria-label={t('对“{name}”提出异议', { name: n.name ?? '' })}>
                          {t('提出异议')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {mayExport && (
                <div className="card-foot">
                  <a className="btn btn-small" href={`/api/publicity/${encodeURIComponent(first.id)}/export.xlsx`} download>
                    {t('导出公示名单')}
                  </a>
                </div>
              )}
            </section>
          );
        })}
      </div>
      {listed && <Pager page={listed.page} pageSize={listed.pageSize} total={listed.total} onPage={setPage} />}
      {objecting && <ObjectionDialog notice={objecting} onClose={() => setObjecting(null)} />}
    </div>
  );
}

function ObjectionDialog({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const write = useWrite();
  const [form, setForm] = useState({ name: '', contact: '', reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function submit() {
    const local: Record<string, string> = {};
    if (!form.name.trim()) local.name = t('此项为必填项');
    if (!form.contact.trim()) local.contact = t('此项为必填项');
    if (form.reason.trim().length < 5) local.reason = t('至少填写 {n} 个字符', { n: 5 });
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await write(() => api.post(`/api/public/publicity/${encodeURIComponent(notice.id)}/objections`, form));
      toast(t('异议已提交，公示单位将进行调查核实'), 'ok');
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422)
        setErrors(Object.fromEntries(e.errors.map((x) => [String(x.path ?? '').replace(/^\$\.?/, '') || 'reason', x.message])));
      else if (e instanceof ApiError && e.status === 404) toast(t('公示期已结束'), 'error');
      else toast((e as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      title={t('对“{name}”提出异议', { name: notice.name ?? '' })}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('取消')}
          </button>
          <button className="btn btn-primary" onClick={submit} disabled={busy}>
            {t('提交异议')}
          </button>
        </>
      }
    >
      <Field label={t('您的姓名')} required error={errors.name} htmlFor="obj-name">
        <input id="obj-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label={t('联系方式')} required error={errors.contact} htmlFor="obj-contact">
        <input id="obj-contact" value={form.contact} onChange={(e) => setForm({ ...form, contact: e.target.value })} />
      </Field>
      <Field label={t('异议事项和理由')} required error={errors.reason} hint={t('请如实反映，实名提出')} htmlFor="obj-reason">
        <textarea id="obj-reason" rows={5} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
      </Field>
    </Modal>
  );
}
