import { useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useWrite } from '../api/query';
import type { Application, TaskSummary } from '../api/types';
import { useLabels } from '../catalog';
import { SchemaForm } from '../forms/SchemaForm';
import { collectProperties, toErrorSchema } from '../forms/schemaUtils';
import { useT } from '../i18n';
import { useToast } from './ui';

export interface TaskDetail {
  task: TaskSummary;
  canAct?: boolean;
  instructions?: string | null;
  application: Application;
  timeline?: any[];
  form?: { formId?: string; schema: any; uiSchema?: any } | null;
}

/** Actions that end or send back the application ask first, naming what will happen. */
const confirmations: Record<string, string> = {
  reject: '确定不予通过？申报将就此办结，申报人会收到结果。',
  fail: '确定评为不通过？申报将就此办结，申报人会收到结果。',
  return: '确定退回申报人补正？请确认已一次性列明全部补正事项。',
};

const tone: Record<string, string> = {
  approve: 'btn-primary',
  pass: 'btn-primary',
  'no-objection': 'btn-primary',
  vote: 'btn-primary',
  reject: 'btn-danger',
  fail: 'btn-danger',
  object: 'btn-danger',
  return: 'btn-warn',
};

/** The step's own form, a comment and one button per action the step offers. */
export function TaskActions({ detail, onDone }: { detail: TaskDetail; onDone: (application: Application) => void }) {
  const t = useT();
  const labels = useLabels();
  const toast = useToast();
  const write = useWrite();
  const formRef = useRef<any>(null);
  const task = detail.task;
  const schema = detail.form?.schema;
  const [data, setData] = useState<any>(() => {
    if (!schema || !(task.role === 'applicant' || task.stage === 'correction')) return {};
    const props = collectProperties(schema);
    // Pledges (a `const` field such as truthfulnessPledge) are the person's own act each time: never carried over ticked.
    return Object.fromEntries(Object.entries(detail.application?.data ?? {}).filter(([k]) => k in props && (props as any)[k]?.const === undefined));
  });
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<{ path?: string | null; message: string }[]>([]);
  const actions: string[] = Array.isArray(task.actions) ? task.actions : [];

  async function act(action: string) {
    setServerErrors([]);
    if (confirmations[action] && !window.confirm(t(confirmations[action]))) return;
    if (schema && formRef.current && !formRef.current.validateForm()) {
      toast(t('请先按提示修改表单'), 'error');
      return;
    }
    setBusy(action);
    try {
      const application = await write(() => api.post<Application>(`/api/tasks/${encodeURIComponent(task.id)}/act`, { action, data, comment: comment || null }));
      toast(t('已办理：{action}', { action: labels.action(action) }), 'ok');
      onDone(application);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) toast(t('该待办已被办理：{message}', { message: e.message }), 'error');
      else if (e instanceof ApiError && e.status === 422) {
        setServerErrors(e.errors);
        toast(e.errors.length ? e.errors.map((x) => x.message).join('；') : e.message, 'error');
      } else toast(t('办理失败：{message}', { message: (e as Error).message }), 'error');
    } finally {
      setBusy(null);
    }
  }

  if (detail.canAct === false) return <div className="alert alert-info">{t('您可以查看此待办，但不能办理。')}</div>;
  return (
    <div className="task-actions">
      {detail.instructions && <div className="alert alert-info">{detail.instructions}</div>}
      {schema && (
        <SchemaForm
          ref={formRef}
          schema={schema}
          uiSchema={detail.form?.uiSchema}
          formData={data}
          onChange={setData}
          extraErrors={serverErrors.length ? toErrorSchema(serverErrors) : undefined}
          idPrefix={`task_${task.id}`}
        />
      )}
      <label className="field-label" htmlFor="task-comment">
        {t('办理意见')}
      </label>
      <textarea id="task-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('可选：填写意见或说明')} />
      {serverErrors.length > 0 && !schema && (
        <div className="alert alert-error small">
          {serverErrors.map((e, i) => (
            <div key={i}>{e.message}</div>
          ))}
        </div>
      )}
      <div className="action-buttons">
        {actions.map((a) => (
          <button key={a} className={`btn ${tone[a] ?? ''}`} disabled={busy !== null} onClick={() => act(a)} data-action={a}>
            {busy === a ? t('提交中…') : labels.action(a)}
          </button>
        ))}
      </div>
    </div>
  );
}
