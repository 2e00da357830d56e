import { useState } from 'react';
import { api, qs, idPath } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { useFieldWrite } from '../../api/useFieldWrite';
import { isAdmin, useAuth } from '../../auth';
import { useCatalog, useLabels, type CodeKind } from '../../catalog';
import { Badge, Empty, ErrorBox, Field, Modal, PageHeader, Spinner, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { CommitteeGovernanceDialog, governable } from '../governance/CommitteeGovernanceDialog';
import { committeeStatuses, splitList, statusLabels, type Committee, type Paged } from './types';
import { DateInput } from '../../components/DateInput';

/** 评委会: one series each, its levels, organiser office, members from the pool, approval and filing. */
export function CommitteesPage() {
  const { t } = useI18n();
  const { vocab } = useCatalog();
  const { me } = useAuth();
  const labels = useLabels();
  const [series, setSeries] = useState('');
  const [editing, setEditing] = useState<Partial<Committee> | null>(null);
  const [governing, setGoverning] = useState<Committee | null>(null);
  const { data, error, loading, reload } = useApiQuery(['committees', series], () =>
    api.get<Paged<Committee>>(`/api/committees${qs({ series, pageSize: 200 })}`),
  );
  const canWrite = isAdmin(me);
  return (
    <div className="page">
      <PageHeader
        title={t('评委会')}
        subtitle={t('按系列设立评审委员会（不得设立综合性评委会），经核准备案后方可开展评审')}
        actions={
          canWrite && (
            <button className="btn btn-primary" onClick={() => setEditing({ status: 'draft', series: [], levels: [], experts: [] })}>
              + {t('设立评委会')}
            </button>
          )
        }
      />
      <div className="toolbar">
        <select aria-label={t('系列')} value={series} onChange={(e) => setSeries(e.target.value)}>
          <option value="">{t('全部系列')}</option>
          {Object.keys(vocab.series).map((s) => (
            <option key={s} value={s}>
              {labels.code('series', s)}
            </option>
          ))}
        </select>
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {data && data.items.length === 0 && <Empty>{t('还没有评委会')}</Empty>}
      {data && data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('评委会')}</th>
              <th>{t('系列')}</th>
              <th>{t('层级')}</th>
              <th>{t('组建单位')}</th>
              <th>{t('专家人数')}</th>
              <th>{t('状态')}</th>
              <th>{t('备案号')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.name}
                  <div className="muted small">
                    <code>{c.id}</code>
                  </div>
                </td>
                <td>{c.series.map((s) => labels.code('series', s)).join('、')}</td>
                <td>{c.levels.map((l) => labels.code('levels' as CodeKind, l)).join('、')}</td>
                <td>{labels.org(c.organiser)}</td>
                <td>{c.experts.length}</td>
                <td>
                  <Badge tone={c.status === 'filed' ? 'ok' : c.status === 'approved' ? 'info' : c.status === 'suspended' || c.status === 'revoked' ? 'error' : 'neutral'}>
                    {t(statusLabels[c.status] ?? c.status)}
                  </Badge>
                  {c.rectifyBy && <div className="small muted">{t('整改期限 {date}', { date: c.rectifyBy })}</div>}
                </td>
                <td className="small">{c.filingNumber ?? ''}</td>
                <td className="row-actions">
                  {canWrite && (
                    <button className="btn btn-small" onClick={() => setEditing(c)}>
                      {t('编辑')}
                    </button>
                  )}
                  {canWrite && governable(c) && (
                    <button className="btn btn-small" aria-label={t('监管 {name}', { name: c.name })} onClick={() => setGoverning(c)}>
                      {t('暂停/收回')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <CommitteeEditor committee={editing} onClose={() => setEditing(null)} />}
      {governing && <CommitteeGovernanceDialog committee={governing} onClose={() => setGoverning(null)} />}
    </div>
  );
}

function CommitteeEditor({ committee, onClose }: { committee: Partial<Committee>; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const { me } = useAuth();
  const toast = useToast();
  const isNew = !committee.id;
  const [value, setValue] = useState<Partial<Committee>>({ locality: me?.locality || '', ...committee });
  const [experts, setExperts] = useState((committee.experts ?? []).join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  const set = (k: keyof Committee, v: unknown) => setValue({ ...value, [k]: v });
  const toggle = (k: 'series' | 'levels', code: string) => {
    const list = value[k] ?? [];
    set(k, list.includes(code) ? list.filter((x) => x !== code) : [...list, code]);
  };

  async function save() {
    const body = { ...value, experts: splitList(experts) };
    if (!(await submit(() => (isNew ? api.post('/api/committees', body) : api.put(`/api/committees/${idPath(committee.id!)}`, body))))) return;
    toast(t('已保存'), 'ok');
    onClose();
  }

  return (
    <Modal title={isNew ? t('设立评委会') : t('编辑评委会')} onClose={onClose} wide>
      <Field label={t('编号')} required hint={t('如 aksu/committee/teacher-senior')} error={errors['$.id']} htmlFor="committee-id">
        <input id="committee-id" value={value.id ?? ''} readOnly={!isNew} onChange={(e) => set('id', e.target.value)} />
      </Field>
      <Field label={t('名称')} required error={errors['$.name']} htmlFor="committee-name">
        <input id="committee-name" value={value.name ?? ''} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label={t('地区')} required error={errors['$.locality']} htmlFor="committee-locality">
        <input id="committee-locality" value={value.locality ?? ''} readOnly={!isNew} onChange={(e) => set('locality', e.target.value)} />
      </Field>
      <Field label={t('系列')} required hint={t('一个评委会只评审一个系列')} error={errors['$.series']}>
        <div className="checks" role="group" aria-label={t('系列')}>
          {Object.keys(vocab.series).map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" checked={(value.series ?? []).includes(s)} onChange={() => toggle('series', s)} /> {labels.code('series', s)}
            </label>
          ))}
        </div>
      </Field>
      <Field label={t('层级')} required error={errors['$.levels']}>
        <div className="checks" role="group" aria-label={t('层级')}>
          {Object.keys(vocab.levels).map((l) => (
            <label key={l} className="checkbox">
              <input type="checkbox" checked={(value.levels ?? []).includes(l)} onChange={() => toggle('levels', l)} /> {labels.code('levels' as CodeKind, l)}
            </label>
          ))}
        </div>
      </Field>
      <Field label={t('组建单位')} required hint={t('本地区的机构，如 aksu/hr；表决任务交组建单位办理')} error={errors['$.organiser']} htmlFor="committee-organiser">
        <input id="committee-organiser" value={value.organiser ?? ''} onChange={(e) => set('organiser', e.target.value)} />
      </Field>
      <Field label={t('专家')} hint={t('专家库中本系列专家的编号，每行一个')} error={errors['$.experts']} htmlFor="committee-experts">
        <textarea id="committee-experts" rows={5} value={experts} onChange={(e) => setExperts(e.target.value)} />
      </Field>
      <Field label={t('状态')} error={errors['$.status']} htmlFor="committee-status">
        <select id="committee-status" value={value.status ?? 'draft'} onChange={(e) => set('status', e.target.value)}>
          {committeeStatuses.map((s) => (
            <option key={s} value={s}>
              {t(statusLabels[s])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('核准机关')} error={errors['$.approvedBy']} htmlFor="committee-approved-by">
        <input id="committee-approved-by" value={value.approvedBy ?? ''} onChange={(e) => set('approvedBy', e.target.value)} />
      </Field>
      <Field label={t('核准日期')} error={errors['$.approvedOn']} htmlFor="committee-approved-on">
        <DateInput id="committee-approved-on" value={value.approvedOn ?? ''} onChange={(iso) => set('approvedOn', iso)} />
      </Field>
      <Field label={t('备案号')} error={errors['$.filingNumber']} htmlFor="committee-filing">
        <input id="committee-filing" value={value.filingNumber ?? ''} onChange={(e) => set('filingNumber', e.target.value)} />
      </Field>
      <div className="row-actions">
        <button className="btn btn-primary" disabled={submit.pending} onClick={save}>
          {t('保存')}
        </button>
        <button className="btn" onClick={onClose}>
          {t('取消')}
        </button>
      </div>
    </Modal>
  );
}
