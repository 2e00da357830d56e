import { useState } from 'react';
import { api } from '../../api/client';
import { useFieldWrite } from '../../api/useFieldWrite';
import { Field, Modal, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { type Committee } from '../committees/types';
import { DateInput } from '../../components/DateInput';

/** What the HR authority may do to a committee in each status (004 §一(四)), with the words of each action. */
const actionsByStatus: Record<string, [string, string][]> = {
  filed: [
    ['suspend', '责令整改、暂停评审'],
    ['revoke', '收回评审权'],
  ],
  suspended: [
    ['reinstate', '整改完成、恢复评审'],
    ['revoke', '收回评审权'],
  ],
};

export const governable = (c: Committee) => (actionsByStatus[c.status] ?? []).length > 0;

/** Suspends (with a day to rectify by), reinstates or withdraws a filed committee's right to evaluate, with the reason. */
export function CommitteeGovernanceDialog({ committee, onClose }: { committee: Committee; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const actions = actionsByStatus[committee.status] ?? [];
  const [action, setAction] = useState(actions[0]?.[0] ?? '');
  const [reason, setReason] = useState('');
  const [rectifyBy, setRectifyBy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  async function act() {
    if (!(await submit(() => api.post('/api/committees/governance', { committee: committee.id, action, reason, rectifyBy: action === 'suspend' ? rectifyBy || null : null })))) return;
    toast(t('已保存'), 'ok');
    onClose();
  }
  return (
    <Modal title={t('评委会监管')} onClose={onClose}>
      <p>{committee.name}</p>
      {committee.governanceReason && <p className="small muted">{committee.governanceReason}</p>}
      <Field label={t('处理')} required error={errors['$.action']} htmlFor="governance-action">
        <select id="governance-action" value={action} onChange={(e) => setAction(e.target.value)}>
          {actions.map(([code, label]) => (
            <option key={code} value={code}>
              {t(label)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('原因')} required error={errors['$.reason']} htmlFor="governance-reason">
        <textarea id="governance-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {action === 'suspend' && (
        <Field label={t('整改期限')} error={errors['$.rectifyBy']} htmlFor="governance-rectify">
          <DateInput id="governance-rectify" value={rectifyBy} onChange={setRectifyBy} />
        </Field>
      )}
      <div className="row-actions">
        <button className="btn btn-danger" disabled={submit.pending} onClick={act}>
          {t('确定')}
        </button>
        <button className="btn" onClick={onClose}>
          {t('取消')}
        </button>
      </div>
    </Modal>
  );
}
