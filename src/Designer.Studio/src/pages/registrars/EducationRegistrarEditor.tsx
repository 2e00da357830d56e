import { useState } from 'react';
import { api, idPath } from '../../api/client';
import { useFieldWrite } from '../../api/useFieldWrite';
import { useCatalog, useLabels } from '../../catalog';
import { Field, Modal, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { categoryLabels, registrarLabels, staffLabels, type EducationRegistrar } from './types';

/**
 * Creates or edits one registrar. Locality, category, staff and registrar make the entry (they never change: add
 * another and disable this one); what it verifies and checks, its source and whether it is active may change.
 */
export function EducationRegistrarEditor({ registrar, onClose }: { registrar: Partial<EducationRegistrar>; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const toast = useToast();
  const isNew = !registrar.id;
  const [value, setValue] = useState<Partial<EducationRegistrar>>({ category: 'professional', staff: 'all', registrar: 'competent-department', active: true, ...registrar });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  const set = (k: keyof EducationRegistrar, v: unknown) => setValue({ ...value, [k]: v });

  async function save() {
    const body = { ...value, verifies: !!value.verifies, active: value.active !== false };
    if (!(await submit(() => (isNew ? api.post('/api/education-registrars', body) : api.put(`/api/education-registrars/${idPath(registrar.id!)}`, body))))) return;
    toast(t('已保存'), 'ok');
    onClose();
  }

  const choice = (id: string, key: 'category' | 'staff' | 'registrar', options: Record<string, string>) => (
    <select id={id} value={value[key] ?? ''} disabled={!isNew} onChange={(e) => set(key, e.target.value)}>
      {Object.entries(options).map(([code, label]) => (
        <option key={code} value={code}>
          {t(label)}
        </option>
      ))}
    </select>
  );

  return (
    <Modal title={isNew ? t('新增登记机构') : t('编辑登记机构')} onClose={onClose}>
      <Field label={t('地区')} required error={errors['$.locality']} htmlFor="registrar-locality">
        <select id="registrar-locality" value={value.locality ?? ''} disabled={!isNew} onChange={(e) => set('locality', e.target.value)}>
          <option value="">{t('请选择')}</option>
          {Object.keys(vocab.localities).map((l) => (
            <option key={l} value={l}>
              {labels.locality(l)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('学时类别')} required error={errors['$.category']} htmlFor="registrar-category">
        {choice('registrar-category', 'category', categoryLabels)}
      </Field>
      <Field label={t('适用人员')} required error={errors['$.staff']} htmlFor="registrar-staff">
        {choice('registrar-staff', 'staff', staffLabels)}
      </Field>
      <Field label={t('登记审核机构')} required error={errors['$.registrar']} htmlFor="registrar-kind">
        {choice('registrar-kind', 'registrar', registrarLabels)}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={!!value.verifies} onChange={(e) => set('verifies', e.target.checked)} /> {t('同时审验该类学时（审验后计入资格审查）')}
      </label>
      <Field label={t('审核内容')} hint={t('如：专业科目学时证明、培训机构和学时')} error={errors['$.checks']} htmlFor="registrar-checks">
        <input id="registrar-checks" value={value.checks ?? ''} onChange={(e) => set('checks', e.target.value)} />
      </Field>
      <Field label={t('依据')} error={errors['$.source']} htmlFor="registrar-source">
        <textarea id="registrar-source" rows={2} value={value.source ?? ''} onChange={(e) => set('source', e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={value.active !== false} onChange={(e) => set('active', e.target.checked)} /> {t('启用（停用后不再登记审核）')}
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
