import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client';
import { useApiQuery, useWrite } from '../../api/query';
import type { OperationsInstance, OperationsStep, Paged, WorkflowVersion } from '../../api/types';
import { hasRole, Roles, useAuth } from '../../auth';
import { useCatalog, useLabels } from '../../catalog';
import { ApplicationStatus } from '../../components/status';
import { Badge, Empty, ErrorBox, Field, Modal, PageHeader, Spinner, useToast } from '../../components/ui';
import { useT } from '../../i18n';

const PAGE_SIZE = 50;
/** Activity types an application may be moved to (the server checks again). */
const STEP_TYPES = ['Titles.Task', 'Titles.CommitteeVote', 'Titles.Scoring', 'Titles.Publicity'];

type Action =
  | { kind: 'retry'; row: OperationsInstance }
  | { kind: 'cancel'; row: OperationsInstance }
  | { kind: 'move'; row: OperationsInstance }
  | { kind: 'reassign'; row: OperationsInstance; step: OperationsStep };

const healthTone = { faulted: 'error', stuck: 'warn', ok: 'ok', ended: 'neutral' } as const;
const healthText: Record<string, string> = { faulted: '故障', stuck: '停滞', ok: '正常', ended: '已结束' };

/**
 * 运行监控: every submitted application with its status, current step, assignee and waiting time, filters and
 * paging; a faulted or stuck one says why. Admins retry, reassign, move or cancel, each with a reason (audited).
 */
export function OperationsPage() {
  const t = useT();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const { me } = useAuth();
  const canOperate = hasRole(me, Roles.policyAdmin, Roles.localityAdmin);
  const seesAll = hasRole(me, Roles.policyAdmin, Roles.auditor);
  const [filters, setFilters] = useState({ status: '', stage: '', locality: '', waitingDays: '', q: '' });
  const [applied, setApplied] = useState(filters);
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<Action | null>(null);
  const { data, error, loading, reload } = useApiQuery(['operations', applied, page], () =>
    api.get<Paged<OperationsInstance>>(`/api/operations/instances${qs({ ...applied, page, pageSize: PAGE_SIZE })}`),
  );
  const rows = data?.items ?? [];
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });
  return (
    <div className="page">
      <PageHeader title={t('运行监控')} subtitle={t('所有已提交申报的办理状态；故障或停滞的申报说明原因，每项操作须填写原因并记入审计')} />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
          setPage(1);
        }}
      >
        <label>
          {t('搜索')}
          <input type="search" value={filters.q} onChange={set('q')} placeholder={t('申报人姓名或申报编号')} aria-label={t('搜索')} />
        </label>
        <label>
          {t('状态')}
          <select value={filters.status} onChange={set('status')} aria-label={t('状态')}>
            <option value="">{t('全部状态')}</option>
            <option value="Faulted">{t('故障')}</option>
            <option value="Stuck">{t('停滞')}</option>
            <option value="Waiting">{t('办理中')}</option>
            <option value="Completed">{t('已办结')}</option>
            <option value="Rejected">{t('未通过')}</option>
            <option value="Withdrawn">{t('视为放弃')}</option>
            <option value="Cancelled">{t('已终止')}</option>
          </select>
        </label>
        <label>
          {t('阶段')}
          <select value={filters.stage} onChange={set('stage')} aria-label={t('阶段')}>
            <option value="">{t('全部阶段')}</option>
            {Object.keys(vocab.stages).map((s) => (
              <option key={s} value={s}>
                {labels.stage(s)}
              </option>
            ))}
          </select>
        </label>
        {seesAll && (
          <label>
            {t('地区')}
            <select value={filters.locality} onChange={set('locality')} aria-label={t('地区')}>
              <option value="">{t('全部地区')}</option>
              {Object.keys(vocab.localities)
                .filter((l) => l !== 'templates')
                .map((l) => (
                  <option key={l} value={l}>
                    {labels.locality(l)}
                  </option>
                ))}
            </select>
          </label>
        )}
        <label>
          {t('等待天数不少于')}
          <input type="number" min={0} value={filters.waitingDays} onChange={set('waitingDays')} aria-label={t('等待天数不少于')} style={{ width: '6em' }} />
        </label>
        <button className="btn" type="submit">
          {t('查询')}
        </button>
        <span className="muted small">{t('共 {n} 项', { n: data?.total ?? 0 })}</span>
      </form>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && rows.length === 0 && <Empty>{t('没有符合条件的申报')}</Empty>}
      {rows.length > 0 && (
        <table className="table operations-table">
          <thead>
            <tr>
              <th>{t('申报')}</th>
              <th>{t('状态')}</th>
              <th>{t('当前步骤')}</th>
              <th>{t('等待')}</th>
              <th>{t('原因')}</th>
              {canOperate && <th>{t('操作')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-application-id={row.id} data-health={row.health}>
                <td>
                  <Link className="strong" to={`/journal/${encodeURIComponent(row.id)}`}>
                    {row.applicantName}
                  </Link>
                  <div className="muted small">
                    {row.id} · {row.workflowName} · v{row.definitionVersion}
                  </div>
                </td>
                <td>
                  <ApplicationStatus status={row.status} />{' '}
                  {/* A faulted or ended application's status says it all; a running one also says whether it can move on. */}
                  {row.status === 'Waiting' && (
                    <Badge tone={healthTone[row.health as keyof typeof healthTone] ?? 'neutral'}>{t(healthText[row.health] ?? row.health)}</Badge>
                  )}
                </td>
                <td>
                  {row.currentSteps.length === 0 && <span className="muted">—</span>}
                  {row.currentSteps.map((step) => (
                    <div key={step.activityId} className="small">
                      <Badge tone="accent">{labels.locale === 'en' ? labels.stage(step.stage) : step.stageName || labels.stage(step.stage)}</Badge>{' '}
                      {step.assignedUser ? t('指定人员 {name}', { name: step.assignedUser }) : `${labels.org(step.org)} · ${labels.role(step.role)}`}
                      {step.claimedBy && <span className="muted"> · {t('{name} 已认领', { name: step.claimedBy })}</span>}
                      {step.dueDate && <span className="muted"> · {t('期限 {date}', { date: step.dueDate })}</span>}
                      {canOperate && step.taskId && (
                        <button className="btn btn-small btn-ghost" onClick={() => setAction({ kind: 'reassign', row, step })}>
                          {t('改派')}
                        </button>
                      )}
                    </div>
                  ))}
                </td>
                <td className="small">{t('{n} 天', { n: row.waitingDays })}</td>
                <td className="small why">{row.why ?? ''}</td>
                {canOperate && (
                  <td className="row-actions">
                    {row.health === 'faulted' && (
                      <button className="btn btn-small btn-primary" onClick={() => setAction({ kind: 'retry', row })}>
                        {t('重试')}
                      </button>
                    )}
                    {(row.status === 'Waiting' || row.status === 'Faulted') && (
                      <>
                        <button className="btn btn-small" onClick={() => setAction({ kind: 'move', row })}>
                          {t('移至步骤')}
                        </button>
                        <button className="btn btn-small btn-danger" onClick={() => setAction({ kind: 'cancel', row })}>
                          {t('终止')}
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <div className="pager">
          <button className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('上一页')}
          </button>
          <span className="small muted">{t('第 {n} 页，共 {total} 页', { n: page, total: pages })}</span>
          <button className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('下一页')}
          </button>
        </div>
      )}
      {action && <ReasonDialog action={action} onClose={() => setAction(null)} />}
    </div>
  );
}

const titles = { retry: '重试故障步骤', cancel: '终止申报', move: '移至步骤', reassign: '改派待办' } as const;

/** The dialog of one action: what it does, its own fields, and the reason it asks for. */
function ReasonDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const write = useWrite();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [toActivityId, setToActivityId] = useState('');
  const step = action.kind === 'reassign' ? action.step : null;
  const [org, setOrg] = useState(step?.org ?? '');
  const [role, setRole] = useState(step?.role ?? '');
  const [userName, setUserName] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const row = action.row;
  const version = useApiQuery(
    ['workflow-version', row.definitionId, row.definitionVersion],
    () => api.get<WorkflowVersion>(`/api/workflows/${encodeURIComponent(row.definitionId)}/versions/${row.definitionVersion}`),
    { enabled: action.kind === 'move' },
  );
  const steps = ((version.data?.definition?.root?.activities ?? []) as { id: string; type: string; metadata?: { displayText?: string } }[]).filter((a) =>
    STEP_TYPES.includes(a.type),
  );
  const submit = async () => {
    setFailure(null);
    const base = `/api/operations/instances/${encodeURIComponent(row.id)}`;
    try {
      if (action.kind === 'retry') await write(() => api.post(`${base}/retry`, { reason }));
      if (action.kind === 'cancel') await write(() => api.post(`${base}/cancel`, { reason }));
      if (action.kind === 'move') await write(() => api.post(`${base}/move`, { toActivityId, reason }));
      if (action.kind === 'reassign' && step?.taskId)
        await write(() =>
          api.post(`/api/operations/tasks/${encodeURIComponent(step.taskId!)}/reassign`, {
            org: org !== step.org ? org : null,
            role: role !== step.role ? role : null,
            userName: userName.trim() || null,
            reason,
          }),
        );
      toast(t('已{action}：{name}', { action: t(titles[action.kind]), name: row.applicantName }), 'ok');
      onClose();
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <Modal
      title={t(titles[action.kind])}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('取消')}
          </button>
          <button className={`btn ${action.kind === 'cancel' ? 'btn-danger' : 'btn-primary'}`} disabled={write.pending || !reason.trim()} onClick={submit}>
            {t('确定')}
          </button>
        </>
      }
    >
      <p>
        {row.applicantName} · {row.id} · {row.workflowName}
      </p>
      {row.why && <div className="alert alert-warn">{row.why}</div>}
      {action.kind === 'move' && (
        <Field label={t('移至步骤')} htmlFor="ops-move-to" required>
          <select id="ops-move-to" value={toActivityId} onChange={(e) => setToActivityId(e.target.value)}>
            <option value="">{t('请选择步骤')}</option>
            {steps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.metadata?.displayText || a.id}
              </option>
            ))}
          </select>
        </Field>
      )}
      {action.kind === 'reassign' && (
        <>
          <Field label={t('机构')} htmlFor="ops-org">
            <input id="ops-org" value={org} onChange={(e) => setOrg(e.target.value)} />
          </Field>
          <Field label={t('角色')} htmlFor="ops-role">
            <select id="ops-role" value={role} onChange={(e) => setRole(e.target.value)}>
              {Object.keys(vocab.roles).map((r) => (
                <option key={r} value={r}>
                  {labels.role(r)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('指定人员（账号，可不填）')} htmlFor="ops-user">
            <input id="ops-user" value={userName} onChange={(e) => setUserName(e.target.value)} />
          </Field>
        </>
      )}
      <Field label={t('操作原因')} htmlFor="ops-reason" required hint={t('原因将记入审计日志')}>
        <textarea id="ops-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <ErrorBox error={failure} />
    </Modal>
  );
}
