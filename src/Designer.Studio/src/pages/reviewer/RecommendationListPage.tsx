import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, qs } from '../../api/client';
import { useApiQuery, useWrite } from '../../api/query';
import type { Paged, TaskSummary } from '../../api/types';
import { SchemaForm } from '../../forms/SchemaForm';
import { toErrorSchema } from '../../forms/schemaUtils';
import { Empty, ErrorBox, PageHeader, Spinner, useToast } from '../../components/ui';
import { formatDate, useI18n } from '../../i18n';
import type { TaskDetail } from '../../components/TaskActions';

interface UnitQuota {
  unit: string;
  unitName?: string | null;
  posts?: number | null;
  used: number;
  remaining?: number | null;
}

interface BatchResult {
  batchId: string;
  items: { taskId: string; applicationId: string; applicantName: string; rank: number; status: string }[];
}

/** The form field the server fills with each person's rank: not asked in the shared form. */
const RANK_FIELD = 'recommendationRank';

/** The unit's draft ranking, kept on the server: every reviewer of the unit sees the same order. */
interface RecommendationOrder {
  procedure: string;
  unit: string;
  unitName?: string | null;
  taskIds: string[];
  updatedBy?: string | null;
  updatedAt?: string | null;
  revision: number;
  dropped: number;
}

/** The server's order applied to the tasks on screen: placed ones in their place, any others after them. */
function ordered(tasks: TaskSummary[], order: string[]) {
  const place = new Map(order.map((id, i) => [id, i]));
  return [...tasks].sort((a, b) => (place.get(a.id) ?? 1e9) - (place.get(b.id) ?? 1e9));
}

/**
 * 推荐名单: the unit's open recommendation steps of one procedure as one ranked list. The unit orders it (drag, or
 * the up/down buttons), ticks whom to recommend, fills the recommendation once and recommends them together; the
 * server refuses a list beyond the unit's remaining quota and saves all or none. The order is saved on the server as
 * the unit's draft ranking as soon as it changes.
 */
export function RecommendationListPage() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const write = useWrite();
  const { data, error, loading, reload } = useApiQuery(['tasks', 'unit-list'], () =>
    api.get<Paged<TaskSummary>>(`/api/tasks${qs({ pageSize: 200 })}`),
  );
  const unitTasks = useMemo(() => (data?.items ?? []).filter((task) => task.org === 'unit' && (task.actions ?? []).includes('approve')), [data]);
  const procedures = Array.from(new Map(unitTasks.map((task) => [task.definitionId, task.workflowName as string])).entries());
  const [procedure, setProcedure] = useState('');
  const current = procedure || procedures[0]?.[0] || '';
  const saved = useApiQuery(['recommendation-order', current], () => api.get<Paged<RecommendationOrder>>(`/api/tasks/recommendation-order${qs({ procedure: current })}`), {
    enabled: current !== '',
  });
  const [draft, setDraft] = useState<RecommendationOrder | undefined>();
  const [order, setOrder] = useState<string[]>([]);
  // The revision the next save builds on; saves run one after another, each on the revision the last one returned.
  const revision = useRef(0);
  const saving = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    const loaded = saved.data?.items[0];
    setDraft(loaded);
    setOrder(loaded?.taskIds ?? []);
    revision.current = loaded?.revision ?? 0;
  }, [saved.data]);
  const list = ordered(
    unitTasks.filter((task) => task.definitionId === current),
    order,
  );
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const quota = useApiQuery(['recommendation-quota', current], () => api.get<Paged<UnitQuota>>(`/api/tasks/recommendation-quota${qs({ procedure: current })}`), {
    enabled: current !== '',
  });
  const first = list[0]?.id;
  const form = useApiQuery(['task', first], () => api.get<TaskDetail>(`/api/tasks/${encodeURIComponent(first!)}`), { enabled: !!first });
  const formRef = useRef<any>(null);
  const [formData, setFormData] = useState<any>({});
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<{ path?: string | null; message: string }[]>([]);
  const [done, setDone] = useState<BatchResult | null>(null);
  const dragged = useRef<string | null>(null);

  const reorder = (ids: string[]) => {
    setOrder(ids);
    saving.current = saving.current.then(async () => {
      try {
        const result = await api.put<RecommendationOrder>('/api/tasks/recommendation-order', { procedure: current, taskIds: ids, revision: revision.current });
        revision.current = result.revision;
        setDraft(result);
      } catch (e) {
        // Someone else of the unit reordered meanwhile (409), or a task left the list: show theirs, say why.
        toast((e as Error).message, 'error');
        saved.reload();
        reload();
      }
    });
  };
  const move = (index: number, by: number) => {
    const ids = list.map((task) => task.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id);
    reorder(ids);
  };
  const dropOn = (target: string) => {
    const from = dragged.current;
    dragged.current = null;
    if (!from || from === target) return;
    const ids = list.map((task) => task.id).filter((id) => id !== from);
    ids.splice(ids.indexOf(target), 0, from);
    reorder(ids);
  };
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  const selected = list.filter((task) => chosen.has(task.id));
  const quotas = quota.data?.items ?? [];
  const remaining = quotas.length === 1 ? quotas[0].remaining : null;
  const over = remaining != null && selected.length > remaining;
  const schema = form.data?.form?.schema;
  const uiSchema = { ...(form.data?.form?.uiSchema ?? {}), [RANK_FIELD]: { 'ui:widget': 'hidden' } };

  async function recommend() {
    setProblem(null);
    setServerErrors([]);
    if (selected.length === 0) return;
    if (schema && formRef.current && !formRef.current.validateForm()) {
      toast(t('请先按提示修改表单'), 'error');
      return;
    }
    if (!window.confirm(t('确定按名单顺序推荐所选 {n} 人？', { n: selected.length }))) return;
    try {
      const result = await write(() =>
        api.post<BatchResult>('/api/tasks/batch-recommend', {
          taskIds: selected.map((task) => task.id),
          ranks: selected.map((_, i) => i + 1),
          action: 'approve',
          formData,
          comment: comment || null,
        }),
      );
      setDone(result);
      setChosen(new Set());
      toast(t('已推荐 {n} 人', { n: result.items.length }), 'ok');
      reload();
      quota.reload();
      saved.reload();
    } catch (e) {
      if (e instanceof ApiError) {
        setProblem(e.message);
        setServerErrors(e.errors.filter((x) => x.path && !x.path.startsWith('$.taskIds')));
      } else setProblem((e as Error).message);
    }
  }

  return (
    <div className="page">
      <PageHeader
        title={t('推荐名单')}
        subtitle={t('本单位同一申报流程的待推荐人员：排定顺序，勾选推荐人选，在推荐职数内一次推荐')}
        actions={
          <Link className="btn" to="/inbox">
            {t('返回待办')}
          </Link>
        }
      />
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && unitTasks.length === 0 && !done && <Empty>{t('没有待推荐的人员')}</Empty>}
      {done && (
        <div className="alert alert-ok" role="status">
          {t('已推荐：{names}', { names: done.items.map((item) => `${item.rank}. ${item.applicantName}`).join('，') })}
        </div>
      )}
      {procedures.length > 0 && (
        <div className="filters">
          <label>
            {t('评审流程')}
            <select
              value={current}
              onChange={(e) => {
                setProcedure(e.target.value);
                setChosen(new Set());
              }}
            >
              {procedures.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {quotas.map((q) => (
            <span key={q.unit} className={`quota ${over ? 'quota-over' : ''}`} data-testid="quota">
              {q.posts == null
                ? t('{unit}：未设推荐职数', { unit: q.unitName ?? q.unit })
                : t('{unit}：推荐职数 {posts} 人，已推荐 {used} 人，剩余 {remaining} 人', {
                    unit: q.unitName ?? q.unit,
                    posts: q.posts,
                    used: q.used,
                    remaining: q.remaining ?? 0,
                  })}
            </span>
          ))}
        </div>
      )}
      {list.length > 0 && (
        <div className="task-layout">
          <section className="card">
            <h2>{t('排序与人选')}</h2>
            <p className="muted small">{t('拖动或用上移、下移排定顺序；顺序即推荐名次，自动保存，本单位其他审核人看到同一顺序。')}</p>
            {draft?.updatedBy && (
              <p className="muted small" data-testid="order-saved">
                {t('顺序由 {name} 于 {time} 保存', { name: draft.updatedBy, time: formatDate(draft.updatedAt, locale) })}
              </p>
            )}
            <ol className="ranked-list" aria-label={t('推荐名单')}>
              {list.map((task, index) => (
                <li
                  key={task.id}
                  data-task-id={task.id}
                  draggable
                  onDragStart={() => (dragged.current = task.id)}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={() => dropOn(task.id)}
                  className={chosen.has(task.id) ? 'chosen' : ''}
                >
                  <span className="rank" aria-hidden="true">
                    {index + 1}
                  </span>
                  <label className="ranked-name">
                    <input type="checkbox" checked={chosen.has(task.id)} onChange={() => toggle(task.id)} />
                    <span className="strong">{task.applicantName}</span>
                    <span className="muted small">{task.applicationId}</span>
                  </label>
                  <span className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t('上移 {name}', { name: task.applicantName })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={index === list.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t('下移 {name}', { name: task.applicantName })}
                    >
                      ↓
                    </button>
                    <Link className="btn btn-small" to={`/tasks/${encodeURIComponent(task.id)}`}>
                      {t('查看')}
                    </Link>
                  </span>
                </li>
              ))}
            </ol>
          </section>
          <section className="card">
            <h2>{t('推荐意见')}</h2>
            <p className="muted small">{t('以下意见适用于本次推荐的每一位人选，名次按名单顺序自动填写。')}</p>
            {form.loading && <Spinner />}
            {schema && (
              <SchemaForm
                ref={formRef}
                schema={schema}
                uiSchema={uiSchema}
                formData={formData}
                onChange={setFormData}
                extraErrors={serverErrors.length ? toErrorSchema(serverErrors) : undefined}
                idPrefix="batch"
              />
            )}
            <label className="field-label" htmlFor="batch-comment">
              {t('办理意见')}
            </label>
            <textarea id="batch-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('可选：填写意见或说明')} />
            {over && (
              <div className="alert alert-warn small" role="status">
                {t('已选 {n} 人，超出剩余推荐职数 {remaining} 人', { n: selected.length, remaining: remaining ?? 0 })}
              </div>
            )}
            {problem && (
              <div className="alert alert-error small" role="alert">
                {problem}
              </div>
            )}
            <div className="action-buttons">
              <button className="btn btn-primary" disabled={selected.length === 0 || write.pending} onClick={recommend} data-action="batch-recommend">
                {write.pending ? t('提交中…') : t('推荐所选（{n} 人）', { n: selected.length })}
              </button>
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
