import { useState } from 'react';
import { api } from '../../api/client';
import { useFieldWrite } from '../../api/useFieldWrite';
import { Field, Modal, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';

/**
 * 宣布结果无效 (003 §四(一)): an admin declares a completed application's result void, with the reason and a second
 * confirmation; its certificates are revoked and the titles leave the holder's record.
 */
export function InvalidateResult({ applicationId, applicantName, onDone }: { applicationId: string; applicantName: string; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  async function invalidate() {
    if (!(await submit(() => api.post(`/api/operations/instances/${encodeURIComponent(applicationId)}/invalidate`, { reason })))) return;
    toast(t('已宣布结果无效'), 'ok');
    setOpen(false);
    onDone();
  }
  return (
    <>
      <button className="btn btn-danger" onClick={() => setOpen(true)}>
        {t('宣布结果无效')}
      </button>
      {open && (
        <Modal title={t('宣布结果无效')} onClose={() => setOpen(false)}>
          <p>{t('未按规定程序开展申报、推荐、评审的，其推荐、评审结果一律无效：证书将被撤销，职称从 {name} 的档案中移除。', { name: applicantName })}</p>
          <Field label={t('未按规定程序办理之处')} required error={errors['$.reason']} htmlFor="invalidate-reason">
            <textarea id="invalidate-reason" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('我确认宣布该申报的推荐、评审结果无效')}
          </label>
          <div className="row-actions">
            <button className="btn btn-danger" disabled={!confirmed || submit.pending} onClick={invalidate}>
              {t('宣布无效')}
            </button>
            <button className="btn" onClick={() => setOpen(false)}>
              {t('取消')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
