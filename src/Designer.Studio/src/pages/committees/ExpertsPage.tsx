import { useLabels, useCatalog, type CodeKind } from '../../catalog';
import { useState } from 'react';
import { api, qs, idPath } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { useFieldWrite } from '../../api/useFieldWrite';
import { useAuth } from '../../auth';
import { Badge, Empty, ErrorBox, Field, Modal, PageHeader, Spinner, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { ExpertViolationDialog } from '../governance/ExpertViolationDialog';
import { splitList, type Expert, type Paged } from './types';

const pageSize = 50;

/** 专家库: the experts of the locality (all for the policy admin), searchable by series, specialty, unit and name. */
export function ExpertsPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const [filter, setFilter] = useState({ series: '', specialty: '', unit: '', q: '' });
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Partial<Expert> | null>(null);
  const [violating, setViolating] = useState<Expert | null>(null);
  const { data, error, loading, reload } = useApiQuery(['experts', filter, page], () =>
    api.get<Paged<Expert>>(`/api/experts${qs({ ...filter, page, pageSize })}`),
  );
  const set = (k: keyof typeof filter, v: string) => {
    setFilter({ ...filter, [k]: v });
    setPage(1);
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  return (
    <div className="page">
      <PageHeader
        title={t('专家库')}
        subtitle={t('评审专家：系列、专业、工作单位（回避依据）和列明的回避对象')}
        actions={
          <button className="btn btn-primary" onClick={() => setEditing({ active: true, conflicts: [] })}>
            + {t('新增专家')}
          </button>
        }
      />
      <div className="toolbar">
        <select aria-label={t('系列')} value={filter.series} onChange={(e) => set('series', e.target.value)}>
          <option value="">{t('全部系列')}</option>
          {Object.keys(vocab.series).map((s) => (
            <option key={s} value={s}>
              {labels.code('series' as CodeKind, s)}
            </option>
          ))}
        </select>
        <input aria-label={t('专业')} placeholder={t('专业')} value={filter.specialty} onChange={(e) => set('specialty', e.target.value)} />
        <input aria-label={t('工作单位')} placeholder={t('工作单位')} value={filter.unit} onChange={(e) => set('unit', e.target.value)} />
        <input aria-label={t('姓名或编号')} placeholder={t('姓名或编号')} value={filter.q} onChange={(e) => set('q', e.target.value)} />
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {data && data.items.length === 0 && <Empty>{t('没有符合条件的专家')}</Empty>}
      {data && data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('编号')}</th>
              <th>{t('姓名')}</th>
              <th>{t('系列')}</th>
              <th>{t('专业')}</th>
              <th>{t('工作单位')}</th>
              <th>{t('回避对象')}</th>
              <th>{t('状态')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.items.map((x) => (
              <tr key={x.id}>
                <td>
                  <code>{x.id}</code>
                </td>
                <td>{x.name}</td>
                <td>{labels.code('series' as CodeKind, x.series)}</td>
                <td>{x.specialty}</td>
                <td>{x.unit}</td>
                <td className="small">{x.conflicts.join('、')}</td>
                <td>{x.active ? <Badge tone="ok">{t('在库')}</Badge> : <Badge>{t('停用')}</Badge>}</td>
                <td className="row-actions">
                  <button className="btn btn-small" onClick={() => setEditing(x)}>
                    {t('编辑')}
                  </button>
                  {x.active && (
                    <button className="btn btn-small" aria-label={t('记录 {name} 违规', { name: x.name })} onClick={() => setViolating(x)}>
                      {t('记录违规')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && pages > 1 && (
        <div className="row-actions">
          <button className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('上一页')}
          </button>
          <span className="muted small">
            {page} / {pages} · {t('共 {n} 人', { n: data.total })}
          </span>
          <button className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('下一页')}
          </button>
        </div>
      )}
      {editing && <ExpertEditor expert={editing} onClose={() => setEditing(null)} />}
      {violating && <ExpertViolationDialog expert={violating} onClose={() => setViolating(null)} />}
    </div>
  );
}

function ExpertEditor({ expert, onClose }: { expert: Partial<Expert>; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const { me } = useAuth();
  const toast = useToast();
  const isNew = !expert.name;
  const [value, setValue] = useState<Partial<Expert>>({ locality: me?.locality || '', ...expert });
  const [conflicts, setConflicts] = useState((expert.conflicts ?? []).join('，'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  const set = (k: keyof Expert, v: unknown) => setValue({ ...value, [k]: v });

  async function save() {
    const body = { ...value, conflicts: splitList(conflicts) };
    if (!(await submit(() => (isNew ? api.post('/api/experts', body) : api.put(`/api/experts/${idPath(expert.id!)}`, body))))) return;
    toast(t('已保存'), 'ok');
    onClose();
  }

  return (
    <Modal title={isNew ? t('新增专家') : t('编辑专家')} onClose={onClose}>
      <Field label={t('编号')} hint={t('留空自动生成，如 aksu/expert/teacher-13')} error={errors['$.id']} htmlFor="expert-id">
        <input id="expert-id" value={value.id ?? ''} readOnly={!isNew} onChange={(e) => set('id', e.target.value)} />
      </Field>
      <Field label={t('姓名')} required error={errors['$.name']} htmlFor="expert-name">
        <input id="expert-name" value={value.name ?? ''} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label={t('地区')} required error={errors['$.locality']} htmlFor="expert-locality">
        <input id="expert-locality" value={value.locality ?? ''} onChange={(e) => set('locality', e.target.value)} />
      </Field>
      <Field label={t('系列')} required error={errors['$.series']} htmlFor="expert-series">
        <select id="expert-series" value={value.series ?? ''} onChange={(e) => set('series', e.target.value)}>
          <option value="">{t('请选择')}</option>
          {Object.keys(vocab.series).map((s) => (
            <option key={s} value={s}>
              {labels.code('series' as CodeKind, s)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('专业')} htmlFor="expert-specialty">
        <input id="expert-specialty" value={value.specialty ?? ''} onChange={(e) => set('specialty', e.target.value)} />
      </Field>
      <Field label={t('工作单位')} required hint={t('与申报人同一单位的专家回避')} error={errors['$.unit']} htmlFor="expert-unit">
        <input id="expert-unit" value={value.unit ?? ''} onChange={(e) => set('unit', e.target.value)} />
      </Field>
      <Field label={t('回避对象')} hint={t('需回避的人员姓名或单位，用逗号分隔')} error={errors['$.conflicts']} htmlFor="expert-conflicts">
        <input id="expert-conflicts" value={conflicts} onChange={(e) => setConflicts(e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={value.active ?? true} onChange={(e) => set('active', e.target.checked)} /> {t('在库（可被抽取）')}
      </label>
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
