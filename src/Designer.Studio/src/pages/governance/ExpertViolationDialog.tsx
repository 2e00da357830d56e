import { useState } from 'react';
import { api } from '../../api/client';
import { useFieldWrite } from '../../api/useFieldWrite';
import { Field, Modal, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { type Expert } from '../committees/types';

/**
 * 违反评审规定 (004 §一(四)): the expert's qualification is cancelled (they leave the pool) and the finding goes to the
 * integrity records; asked twice, since it cannot be undone here.
 */
export function ExpertViolationDialog({ expert, onClose }: { expert: Expert; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  async function record() {
    if (!(await submit(() => api.post('/api/experts/violations', { expert: expert.id, reason })))) return;
    toast(t('已取消其评审专家资格并记入诚信档案'), 'ok');
    onClose();
  }
  return (
    <Modal title={t('记录违规')} onClose={onClose}>
      <p>
        {expert.name} · {expert.unit}
      </p>
      <Field label={t('违反评审规定的情形')} required error={errors['$.reason']} htmlFor="violation-reason">
        <textarea id="violation-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('取消其评审专家资格，并记入职称评审诚信档案')}
      </label>
      <div className="row-actions">
        <button className="btn btn-danger" disabled={!confirmed || submit.pending} onClick={record}>
          {t('记录违规')}
        </button>
        <button className="btn" onClick={onClose}>
          {t('取消')}
        </button>
      </div>
    </Modal>
  );
}
