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
import { complaintStatusLabels, pageSize, type Complaint, type ComplaintReceipt } from './types';

/**
 * 举报台账: reports about title work, open ones first by their time limit (overdue ones marked). Staff register a
 * report received by letter or telephone (the public form's route) and the locality's HR office answers it with what
 * was found, which closes it.
 */
export function ComplaintsTab() {
  const { t } = useI18n();
  const labels = useLabels();
  const { me } = useAuth();
  const seesAll = hasRole(me, Roles.policyAdmin, Roles.auditor);
  const canWrite = hasRole(me, Roles.policyAdmin, Roles.localityAdmin, Roles.reviewer);
  const { filter, set, page, setPage } = useRegistryFilter({ status: '', overdue: false });
  const [registering, setRegistering] = useState(false);
  const [answering, setAnswering] = useState<Complaint | null>(null);
  const query = useApiQuery(['complaints', filter, page], () =>
    api.get<Paged<Complaint>>(`/api/complaints${qs({ status: filter.status, overdue: filter.overdue || undefined, page, pageSize })}`),
  );
  return (
    <section>
      <RegistryList
        toolbar={
          <>
            <select aria-label={t('办理状态')} value={filter.status} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('全部状态')}</option>
              {Object.entries(complaintStatusLabels).map(([k, label]) => (
                <option key={k} value={k}>
                  {t(label)}
                </option>
              ))}
            </select>
            <label className="checkbox">
              <input type="checkbox" checked={filter.overdue} onChange={(e) => set('overdue', e.target.checked)} /> {t('只看超期未办结')}
            </label>
          </>
        }
        action={
          canWrite && (
            <button className="btn btn-primary" onClick={() => setRegistering(true)}>
              + {t('登记举报')}
            </button>
          )
        }
        query={query}
        empty={t('没有符合条件的举报')}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
      >
        {(items) => (
          <table className="table" aria-label={t('举报台账')}>
            <thead>
              <tr>
                <th>{t('受理日期')}</th>
                {seesAll && <th>{t('地区')}</th>}
                <th>{t('反映事项')}</th>
                <th>{t('反映人')}</th>
                <th>{t('办理时限')}</th>
                <th>{t('办理状态')}</th>
                <th>{t('核查结果')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>{c.receivedOn}</td>
                  {seesAll && <td>{labels.locality(c.locality)}</td>}
                  <td>
                    <strong>{c.subject}</strong>
                    <div className="small muted">{c.content}</div>
                  </td>
                  <td>
                    {c.reporterName}
                    {c.reporterContact && <div className="small muted">{c.reporterContact}</div>}
                  </td>
                  <td>
                    {c.dueOn} {c.overdue && <Badge tone="error">{t('已超期')}</Badge>}
                  </td>
                  <td>{c.status === 'closed' ? <Badge tone="ok">{t('已办结')}</Badge> : <Badge tone="warn">{t('办理中')}</Badge>}</td>
                  <td className="small">
                    {c.finding ? (
                      <>
                        <div className="muted">
                          {c.closedOn} · {c.handlerName ?? c.handler}
                        </div>
                        {c.finding}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="row-actions">
                    {canWrite && c.status !== 'closed' && (
                      <button className="btn btn-small" aria-label={t('答复 {subject}', { subject: c.subject })} onClick={() => setAnswering(c)}>
                        {t('答复办结')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </RegistryList>
      {registering && <RegisterComplaint locality={me?.locality ?? ''} lockedLocality={!seesAll} onClose={() => setRegistering(false)} />}
      {answering && <AnswerComplaint complaint={answering} onClose={() => setAnswering(null)} />}
    </section>
  );
}

function RegisterComplaint({ locality: mine, lockedLocality, onClose }: { locality: string; lockedLocality: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const toast = useToast();
  const [value, setValue] = useState({ locality: mine, subject: '', content: '', name: '', contact: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  const set = (k: keyof typeof value, v: string) => setValue({ ...value, [k]: v });
  async function save() {
    let receipt: ComplaintReceipt | undefined;
    const saved = await submit(async () => {
      receipt = await api.post<ComplaintReceipt>('/api/public/complaints', value);
    });
    if (!saved || !receipt) return;
    toast(t('已受理，办理时限 {due}', { due: receipt.dueOn }), 'ok');
    onClose();
  }
  return (
    <Modal title={t('登记举报')} onClose={onClose}>
      <Field label={t('地区')} required error={errors['$.locality']} htmlFor="complaint-locality">
        <select id="complaint-locality" value={value.locality} disabled={lockedLocality} onChange={(e) => set('locality', e.target.value)}>
          <option value="">{t('请选择')}</option>
          {Object.keys(vocab.localities).map((l) => (
            <option key={l} value={l}>
              {labels.locality(l)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('反映事项')} hint={t('如申报编号、评委会或单位')} required error={errors['$.subject']} htmlFor="complaint-subject">
        <input id="complaint-subject" value={value.subject} onChange={(e) => set('subject', e.target.value)} />
      </Field>
      <Field label={t('反映的问题')} required error={errors['$.content']} htmlFor="complaint-content">
        <textarea id="complaint-content" rows={4} value={value.content} onChange={(e) => set('content', e.target.value)} />
      </Field>
      <Field label={t('反映人姓名')} required error={errors['$.name']} htmlFor="complaint-name">
        <input id="complaint-name" value={value.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label={t('联系方式')} error={errors['$.contact']} htmlFor="complaint-contact">
        <input id="complaint-contact" value={value.contact} onChange={(e) => set('contact', e.target.value)} />
      </Field>
      <div className="row-actions">
        <button className="btn btn-primary" disabled={submit.pending} onClick={save}>
          {t('受理')}
        </button>
        <button className="btn" onClick={onClose}>
          {t('取消')}
        </button>
      </div>
    </Modal>
  );
}

function AnswerComplaint({ complaint, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [finding, setFinding] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  async function close() {
    if (!(await submit(() => api.post(`/api/complaints/${complaint.id}/close`, { finding })))) return;
    toast(t('已办结'), 'ok');
    onClose();
  }
  return (
    <Modal title={t('答复办结')} onClose={onClose}>
      <p>
        <strong>{complaint.subject}</strong> · {t('办理时限')} {complaint.dueOn}
      </p>
      <p className="small muted">{complaint.content}</p>
      <Field label={t('核查结果和处理意见')} required error={errors['$.finding']} htmlFor="complaint-finding">
        <textarea id="complaint-finding" rows={4} value={finding} onChange={(e) => setFinding(e.target.value)} />
      </Field>
      <div className="row-actions">
        <button className="btn btn-primary" disabled={submit.pending} onClick={close}>
          {t('办结')}
        </button>
        <button className="btn" onClick={onClose}>
          {t('取消')}
        </button>
      </div>
    </Modal>
  );
}
