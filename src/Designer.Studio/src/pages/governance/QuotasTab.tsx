import { useState } from 'react';
import { api, qs } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { useFieldWrite } from '../../api/useFieldWrite';
import { hasRole, Roles, useAuth } from '../../auth';
import { useCatalog, useLabels } from '../../catalog';
import { Badge, Field, Modal, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { type Paged } from '../committees/types';
import { RegistryList, useRegistryFilter } from '../../components/RegistryList';
import { pageSize, postKindLabels, quotaStatusLabels, type Quota } from './types';

interface Unit {
  id: string;
  name: string;
}

/**
 * 岗位数额: each unit's posts of a kind at a level, set by the county's HR bureau (or an admin) and filed with the
 * prefecture's HR bureau (备案号) before evaluation; the server decides who may set and who may file.
 */
export function QuotasTab() {
  const { t } = useI18n();
  const labels = useLabels();
  const { me } = useAuth();
  const seesAll = hasRole(me, Roles.policyAdmin, Roles.auditor);
  const canWrite = hasRole(me, Roles.policyAdmin, Roles.localityAdmin, Roles.reviewer);
  const { filter, set, page, setPage } = useRegistryFilter({ status: '', unit: '' });
  const [setting, setSetting] = useState(false);
  const [filing, setFiling] = useState<Quota | null>(null);
  const query = useApiQuery(['quotas', filter, page], () => api.get<Paged<Quota>>(`/api/quotas${qs({ ...filter, page, pageSize })}`));
  return (
    <section>
      <RegistryList
        toolbar={
          <>
            <select aria-label={t('备案状态')} value={filter.status} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('全部状态')}</option>
              {Object.entries(quotaStatusLabels).map(([k, label]) => (
                <option key={k} value={k}>
                  {t(label)}
                </option>
              ))}
            </select>
            <input aria-label={t('搜索单位')} placeholder={t('单位名称')} value={filter.unit} onChange={(e) => set('unit', e.target.value)} />
          </>
        }
        action={
          canWrite && (
            <button className="btn btn-primary" onClick={() => setSetting(true)}>
              + {t('确定岗位数额')}
            </button>
          )
        }
        query={query}
        empty={t('还没有岗位数额')}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
      >
        {(items) => (
          <table className="table" aria-label={t('岗位数额')}>
            <thead>
              <tr>
                <th>{t('用人单位')}</th>
                {seesAll && <th>{t('地区')}</th>}
                <th>{t('岗位类别')}</th>
                <th>{t('层级')}</th>
                <th>{t('岗位数额')}</th>
                <th>{t('已使用')}</th>
                <th>{t('备案状态')}</th>
                <th>{t('确定')}</th>
                <th>{t('备案')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((q) => (
                <tr key={q.id}>
                  <td>{q.unit}</td>
                  {seesAll && <td>{labels.locality(q.locality)}</td>}
                  <td>{t(postKindLabels[q.postKind] ?? q.postKind)}</td>
                  <td>{labels.code('levels', q.level)}</td>
                  <td>{q.posts}</td>
                  <td>{q.used}</td>
                  <td>{q.status === 'filed' ? <Badge tone="ok">{t('已备案')}</Badge> : <Badge tone="warn">{t('待备案')}</Badge>}</td>
                  <td className="small">{q.setOn ? `${q.setOn} · ${q.setBy ?? ''}` : '—'}</td>
                  <td className="small">{q.filedOn ? `${q.filedOn} · ${q.filingNumber ?? ''}` : '—'}</td>
                  <td className="row-actions">
                    {canWrite && q.status !== 'filed' && (
                      <button className="btn btn-small" aria-label={t('备案 {unit}', { unit: q.unit })} onClick={() => setFiling(q)}>
                        {t('备案')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </RegistryList>
      {setting && <SetQuota locality={me?.locality ?? ''} lockedLocality={!hasRole(me, Roles.policyAdmin)} onClose={() => setSetting(false)} />}
      {filing && <FileQuota quota={filing} onClose={() => setFiling(null)} />}
    </section>
  );
}

function SetQuota({ locality: mine, lockedLocality, onClose }: { locality: string; lockedLocality: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const toast = useToast();
  const [value, setValue] = useState({ locality: mine, unit: '', postKind: 'directed', level: '', posts: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  const units = useApiQuery(['quota-units', value.locality], () => api.get<Paged<Unit>>(`/api/organisations/units${qs({ locality: value.locality, pageSize: 200 })}`), {
    enabled: !!value.locality,
  });
  const set = (k: keyof typeof value, v: string) => setValue({ ...value, [k]: v });
  async function save() {
    if (!(await submit(() => api.post('/api/quotas', { ...value, posts: value.posts === '' ? null : Number(value.posts) })))) return;
    toast(t('已确定岗位数额，待备案'), 'ok');
    onClose();
  }
  return (
    <Modal title={t('确定岗位数额')} onClose={onClose}>
      <Field label={t('地区')} required error={errors['$.locality']} htmlFor="quota-locality">
        <select id="quota-locality" value={value.locality} disabled={lockedLocality} onChange={(e) => setValue({ ...value, locality: e.target.value, unit: '' })}>
          <option value="">{t('请选择')}</option>
          {Object.keys(vocab.localities).map((l) => (
            <option key={l} value={l}>
              {labels.locality(l)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('用人单位')} required error={errors['$.unit']} htmlFor="quota-unit">
        {units.data && units.data.items.length > 0 ? (
          <select id="quota-unit" value={value.unit} onChange={(e) => set('unit', e.target.value)}>
            <option value="">{t('请选择')}</option>
            {units.data.items.map((u) => (
              <option key={u.id} value={u.name}>
                {u.name}
              </option>
            ))}
          </select>
        ) : (
          <input id="quota-unit" value={value.unit} onChange={(e) => set('unit', e.target.value)} />
        )}
      </Field>
      <Field label={t('岗位类别')} required error={errors['$.postKind']} htmlFor="quota-kind">
        <select id="quota-kind" value={value.postKind} onChange={(e) => set('postKind', e.target.value)}>
          {Object.entries(postKindLabels).map(([k, label]) => (
            <option key={k} value={k}>
              {t(label)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('层级')} required error={errors['$.level']} htmlFor="quota-level">
        <select id="quota-level" value={value.level} onChange={(e) => set('level', e.target.value)}>
          <option value="">{t('请选择')}</option>
          {Object.keys(vocab.levels ?? {}).map((l) => (
            <option key={l} value={l}>
              {labels.code('levels', l)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('岗位数额')} required error={errors['$.posts']} htmlFor="quota-posts">
        <input id="quota-posts" type="number" min={0} value={value.posts} onChange={(e) => set('posts', e.target.value)} />
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

function FileQuota({ quota, onClose }: { quota: Quota; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const toast = useToast();
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  async function file() {
    if (!(await submit(() => api.post(`/api/quotas/${quota.id}/file`, { filingNumber: number })))) return;
    toast(t('已备案'), 'ok');
    onClose();
  }
  return (
    <Modal title={t('岗位数额备案')} onClose={onClose}>
      <p>
        {quota.unit} · {t(postKindLabels[quota.postKind] ?? quota.postKind)} · {labels.code('levels', quota.level)} · {t('{n} 个', { n: quota.posts })}
      </p>
      <Field label={t('备案号')} required error={errors['$.filingNumber']} htmlFor="quota-filing">
        <input id="quota-filing" value={number} onChange={(e) => setNumber(e.target.value)} />
      </Field>
      <div className="row-actions">
        <button className="btn btn-primary" disabled={submit.pending} onClick={file}>
          {t('备案')}
        </button>
        <button className="btn" onClick={onClose}>
          {t('取消')}
        </button>
      </div>
    </Modal>
  );
}
