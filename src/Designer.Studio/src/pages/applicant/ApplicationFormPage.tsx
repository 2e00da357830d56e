import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { getAll } from '../../api/paged';
import { useApiQuery, useWrite } from '../../api/query';
import { loadResolvedForm } from '../../api/forms';
import { useCatalog, useLabels } from '../../catalog';
import type { Application, Procedure } from '../../api/types';
import { ErrorBox, PageHeader, Spinner, useToast } from '../../components/ui';
import { SchemaForm } from '../../forms/SchemaForm';
import { prefillFromUnit, unitWidgets, useRegisteredUnits, withUnitPicker } from '../../forms/UnitPicker';
import { toErrorSchema } from '../../forms/schemaUtils';
import { useI18n } from '../../i18n';
import { scopeViolations } from './procedureScope';
import { href, navigate } from '../../router';

/** The toasts of a failed submit: dismissed once a submit succeeds. */
const FAILED_ATTEMPT = 'apply-form-attempt';

/** Fill the procedure's apply form (generated from its JSON Schema), save a draft, submit. */
export function ApplicationFormPage({ definitionId, applicationId }: { definitionId?: string; applicationId?: string }) {
  const labels = useLabels();
  const { t } = useI18n();
  const toast = useToast();
  const write = useWrite();
  const formRef = useRef<any>(null);
  const loadedQuery = useApiQuery(['apply-form', definitionId ?? '', applicationId ?? ''], async () => {
    let application: Application | undefined;
    let defId = definitionId;
    if (applicationId) {
      application = await api.get<Application>(`/api/applications/${encodeURIComponent(applicationId)}`);
      defId = application.definitionId;
    }
    const procedures = await getAll<Procedure>('/api/procedures');
    const procedure = procedures.find((p) => p.definitionId === defId);
    if (!procedure) throw new Error(t('该申报事项当前未开放'));
    const formId = procedure.applyForm;
    if (!formId) throw new Error(t('该申报事项没有申报表'));
    // The version the published workflow pinned: a newer form version (not yet pinned) is not what the server checks.
    const form = await loadResolvedForm(formId, procedure.applyFormVersion);
    return { procedure, form, application };
  });
  const loaded = loadedQuery.data;
  const { vocab } = useCatalog();
  const units = useRegisteredUnits(loaded?.procedure?.locality);
  const uiSchema = useMemo(() => (loaded?.form ? withUnitPicker(loaded.form.schema, loaded.form.uiSchema, units) : undefined), [loaded, units]);
  const [data, setData] = useState<any>({});
  const [draftId, setDraftId] = useState<string | undefined>(applicationId);
  const [busy, setBusy] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<{ path?: string | null; message: string }[]>([]);
  // The form starts from the saved draft once it is loaded (later refetches never overwrite what the user typed).
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !loadedQuery.data) return;
    started.current = true;
    setData(loadedQuery.data.application?.data ?? {});
  }, [loadedQuery.data]);

  async function saveDraft() {
    const procedure = loaded?.procedure;
    if (!procedure) return;
    setBusy('draft');
    setServerErrors([]);
    try {
      if (draftId) await write(() => api.put(`/api/applications/${encodeURIComponent(draftId)}/draft`, { data }));
      else {
        const r = await write(() => api.post<Application>('/api/applications', { definitionId: procedure.definitionId, data, draft: true }));
        setDraftId(r.id);
        window.history.replaceState(window.history.state, '', href(`/applications/${encodeURIComponent(r.id)}/edit`));
      }
      toast(t('草稿已保存'), 'ok');
    } catch (e) {
      toast(t('保存失败：{message}', { message: (e as Error).message }), 'error');
    } finally {
      setBusy(null);
    }
  }

  async function submit(formData: any) {
    const procedure = loaded?.procedure;
    if (!procedure) return;
    const outside = scopeViolations(procedure, formData, t, labels.code);
    if (outside.length > 0) {
      setServerErrors(outside);
      toast(t('申报信息不在本事项的申报范围内'), 'error', { group: FAILED_ATTEMPT });
      return;
    }
    setBusy('submit');
    setServerErrors([]);
    try {
      let result: Application;
      if (draftId) {
        await write(() => api.put(`/api/applications/${encodeURIComponent(draftId)}/draft`, { data: formData }));
        result = await write(() => api.post<Application>(`/api/applications/${encodeURIComponent(draftId)}/submit`, {}));
      } else result = await write(() => api.post<Application>('/api/applications', { definitionId: procedure.definitionId, data: formData }));
      toast.dismiss(FAILED_ATTEMPT);
      toast(t('申报已提交'), 'ok');
      navigate(`/applications/${encodeURIComponent(result.id)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setServerErrors(e.errors);
        toast(t('申报信息有误，请按提示修改'), 'error', { group: FAILED_ATTEMPT });
      } else toast(t('提交失败：{message}', { message: (e as Error).message }), 'error', { group: FAILED_ATTEMPT });
    } finally {
      setBusy(null);
    }
  }

  if (loadedQuery.loading) return <Spinner />;
  if (loadedQuery.error || !loaded) return <ErrorBox error={loadedQuery.error} />;
  return (
    <div className="page page-narrow">
      <PageHeader title={loaded.procedure?.name ?? t('申报')} subtitle={loaded.procedure?.description ? <span className="clamp-2">{loaded.procedure.description}</span> : undefined} />
      {loaded.procedure?.window?.open === false && (
        <div className="alert alert-error" role="alert" data-testid="procedure-closed">
          {t('未在申报时间内')}：{t('申报时间：{opens} 至 {closes}', { opens: loaded.procedure.window.opens ?? '', closes: loaded.procedure.window.closes ?? '' })}
        </div>
      )}
      {serverErrors.length > 0 && (
        <div className="alert alert-error" role="alert">
          <strong>{t('服务器校验未通过：')}</strong>
          <ul>
            {serverErrors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="card">
        <SchemaForm
          ref={formRef}
          schema={loaded.form!.schema}
          uiSchema={uiSchema}
          widgets={unitWidgets}
          formContext={{ units }}
          formData={data}
          onChange={(next) => setData((previous: any) => prefillFromUnit(previous, next, units, vocab.counties))}
          onSubmit={submit}
          onError={() => toast(t('还有未填写或填写有误的项目，请按提示修改'), 'error', { group: FAILED_ATTEMPT })}
          extraErrors={serverErrors.length ? toErrorSchema(serverErrors) : undefined}
          idPrefix="apply"
        >
          <div className="form-buttons">
            <button type="button" className="btn" onClick={saveDraft} disabled={busy !== null}>
              {busy === 'draft' ? t('保存中…') : t('保存草稿')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy !== null} data-testid="submit-application">
              {busy === 'submit' ? t('提交中…') : t('提交申报')}
            </button>
          </div>
        </SchemaForm>
      </div>
    </div>
  );
}
