import { useState } from 'react';
import { loadResolvedForm } from '../api/forms';
import { ErrorBox, Modal, Spinner } from '../components/ui';
import { useT } from '../i18n';
import { SchemaForm } from './SchemaForm';
import { useApiQuery } from '../api/query';

/** A form rendered exactly as users will see it, in a dialog (form picker's preview). */
export function FormPreviewModal({ formId, onClose }: { formId: string; onClose: () => void }) {
  const t = useT();
  const { data, error, loading } = useApiQuery(['resolved-form', formId], () => loadResolvedForm(formId));
  const [formData, setFormData] = useState<any>({});
  return (
    <Modal title={t('表单预览：{id}', { id: formId })} onClose={onClose} wide>
      {loading && <Spinner />}
      <ErrorBox error={error} />
      {data && (
        <div className="form-preview">
          <SchemaForm schema={data.schema} uiSchema={data.uiSchema} formData={formData} onChange={setFormData} idPrefix="preview" liveValidate />
        </div>
      )}
    </Modal>
  );
}
