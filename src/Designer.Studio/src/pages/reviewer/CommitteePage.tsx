import { useState } from 'react';
import { api, ApiError, qs } from '../../api/client';
import type { Paged } from '../../api/types';
import { Pager } from '../../components/Pager';
import { useApiQuery, useWrite } from '../../api/query';
import { useAuth, hasRole, Roles } from '../../auth';
import { useLabels } from '../../catalog';
import { Badge, Empty, ErrorBox, PageHeader, Spinner, useToast } from '../../components/ui';
import { formatDate, useI18n } from '../../i18n';
import { DrawPanel } from '../committees/DrawPanel';

const voteLabels = { for: '赞成', against: '反对', abstain: '弃权' } as const;

/** The session's decision codes (SessionDecision on the server) in words. */
const decisionLabels: Record<string, string> = {
  passed: '通过',
  'failed-vote': '表决未通过',
  eliminated: '末位淘汰',
  capped: '超出通过率上限',
};

interface SessionSummary {
  id: string;
  org?: string;
  locality?: string;
  status?: string;
  createdAt?: string;
  closedAt?: string | null;
  candidates?: number;
  committeeId?: string | null;
  committeeName?: string | null;
  series?: string | null;
  drawnMembers?: number | null;
}

interface Candidate {
  applicationId: string;
  applicantName?: string;
  taskId?: string;
  score?: number | null;
  for?: number | null;
  against?: number | null;
  abstain?: number | null;
  voted?: boolean;
  decision?: string | null;
  reason?: string | null;
  rank?: number | null;
}

/** The session's status as a badge: "closing" means decided, with candidates still being moved on. */
function StatusBadge({ status }: { status?: string }) {
  const { t } = useI18n();
  if (status === 'open') return <Badge tone="info">{t('表决中')}</Badge>;
  if (status === 'closing') return <Badge tone="warn">{t('结束中')}</Badge>;
  return <Badge tone="ok">{t('已结束')}</Badge>;
}

interface Session extends SessionSummary {
  policy?: { bottomEliminationRatio?: number; passRateCap?: number; rankBy?: string };
  candidates?: any;
}

/** Committee sessions: gather the applications waiting at a committee vote, enter votes, close (rank and decide). */
export function CommitteePage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const labels = useLabels();
  const toast = useToast();
  const write = useWrite();
  const [page, setPage] = useState(1);
  const { data: listed, error, loading, reload } = useApiQuery(['committee-sessions', page], () =>
    api.get<Paged<SessionSummary>>(`/api/committee-sessions${qs({ page, pageSize: 50 })}`),
  );
  const data = listed?.items;
  const [openId, setOpenId] = useState<string | null>(null);
  const canCreate = hasRole(me, Roles.reviewer);

  async function create() {
    try {
      const s = await write(() => api.post<Session>('/api/committee-sessions', {}));
      toast(t('已创建评审会'), 'ok');
      reload();
      setOpenId(s.id);
    } catch (e) {
      toast(e instanceof ApiError && e.status === 422 ? t('没有等待评委会表决的申报') : t('创建失败：{message}', { message: (e as Error).message }), 'error');
    }
  }

  return (
    <div className="page">
      <PageHeader
        title={t('评审会')}
        subtitle={t('汇集等待评委会表决的申报，录入票数，按末位淘汰和通过率上限确定结果')}
        actions={
          canCreate && (
            <button className="btn btn-primary" onClick={create}>
              + {t('召开评审会')}
            </button>
          )
        }
      />
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && (data ?? []).length === 0 && <Empty>{t('还没有评审会')}</Empty>}
      {(data ?? []).length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('评审会')}</th>
              <th>{t('机构')}</th>
              <th>{t('评委会')}</th>
              <th>{t('状态')}</th>
              <th>{t('参评人数')}</th>
              <th>{t('创建时间')}</th>
              <th>{t('结束时间')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((s) => (
              <tr key={s.id} className={openId === s.id ? 'current' : ''}>
                <td>
                  <code>{s.id}</code>
                </td>
                <td>{labels.org(s.org)}</td>
                <td className="small">
                  {s.committeeName ?? s.committeeId ?? ''}
                  {s.series ? <div className="muted">{labels.code('series', s.series)}</div> : null}
                </td>
                <td>
                  <StatusBadge status={s.status} />
                </td>
                <td>{s.candidates ?? ''}</td>
                <td className="small muted">{formatDate(s.createdAt, locale)}</td>
                <td className="small muted closed-at">{s.status === 'closed' && s.closedAt ? formatDate(s.closedAt, locale) : ''}</td>
                <td className="row-actions">
                  <button className="btn btn-small" onClick={() => setOpenId(openId === s.id ? null : s.id)}>
                    {openId === s.id ? t('收起') : t('打开')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listed && <Pager page={listed.page} pageSize={listed.pageSize} total={listed.total} onPage={setPage} />}
      {openId && <SessionView id={openId} onChanged={reload} />}
    </div>
  );
}

function SessionView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const toast = useToast();
  const write = useWrite();
  const { data, error, loading, reload, setData } = useApiQuery(['committee-session', id], () =>
    api.get<Session>(`/api/committee-sessions/${encodeURIComponent(id)}`),
  );
  const [votes, setVotes] = useState<Record<string, { for: string; against: string; abstain: string }>>({});
  if (loading && !data) return <Spinner />;
  if (error || !data) return <ErrorBox error={error} onRetry={reload} />;
  const candidates: Candidate[] = Array.isArray(data.candidates) ? data.candidates : [];
  const open = data.status === 'open';
  const closing = data.status === 'closing';
  const v = (c: Candidate) => votes[c.applicationId] ?? { for: c.for?.toString() ?? '', against: c.against?.toString() ?? '', abstain: c.abstain?.toString() ?? '' };

  /** Saves a row once all three counts are filled and differ from what the server has: on leaving a field, no button needed. */
  async function save(c: Candidate) {
    const x = v(c);
    if (x.for === '' || x.against === '' || x.abstain === '') return;
    if (c.voted && Number(x.for) === c.for && Number(x.against) === c.against && Number(x.abstain) === c.abstain) return;
    try {
      const s = await write(() => api.post<Session>(`/api/committee-sessions/${encodeURIComponent(id)}/votes`, {
        applicationId: c.applicationId,
        for: Number(x.for || 0),
        against: Number(x.against || 0),
        abstain: Number(x.abstain || 0),
      }));
      setData(s);
      toast(t('已录入 {name} 的票数', { name: c.applicantName ?? c.applicationId }), 'ok');
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  }

  async function close() {
    // Counts typed but not yet saved (the last field still focused) are saved first: nothing typed is lost.
    if (open) for (const c of candidates) await save(c);
    // A closing session's decisions are already saved: closing it again only moves the rest on, so no confirmation.
    if (open && !window.confirm(t('结束表决后将排名并确定每位申报人的结果，不能再修改票数。确定？'))) return;
    try {
      const s = await write(() => api.post<Session>(`/api/committee-sessions/${encodeURIComponent(id)}/close`, {}));
      setData(s);
      onChanged();
      toast(t('表决已结束'), 'ok');
    } catch (e) {
      // A close that could not move every candidate on leaves the session "closing" on the server: show that.
      reload();
      onChanged();
      toast(e instanceof ApiError && e.errors.length ? e.errors.map((x) => x.message).join('；') : (e as Error).message, 'error');
    }
  }

  return (
    <section className="card">
      <h2>
        {labels.org(data.org)} {t('评审会')} {formatDate(data.createdAt, locale)} <code>{id}</code> <StatusBadge status={data.status} />
      </h2>
      {closing && <div className="muted small">{t('评审结果已确定，正在流转申报，可再次点击完成')}</div>}
      {data.committeeId && (
        <DrawPanel sessionId={id} committeeId={data.committeeId} committeeName={data.committeeName} canDraw={open && candidates.every((c) => !c.voted)} drawn={data.drawnMembers != null} onDrawn={reload} />
      )}
      {data.drawnMembers ? <div className="muted small">{t('本次抽取评委 {n} 人，法定人数和通过票数按抽取的评委计算', { n: data.drawnMembers })}</div> : null}
      {data.policy && (
        <div className="muted small">
          {t('末位淘汰比例')} {data.policy.bottomEliminationRatio ?? 0} · {t('通过率上限')} {data.policy.passRateCap ?? 0}
          {data.policy.rankBy ? ` · ${t('排名依据')} ${data.policy.rankBy}` : ''}
        </div>
      )}
      <table className="table compact">
        <thead>
          <tr>
            <th>{t('申报人')}</th>
            <th>{t('得分')}</th>
            <th>{t('赞成')}</th>
            <th>{t('反对')}</th>
            <th>{t('弃权')}</th>
            <th>{t('结果')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => {
            const x = v(c);
            const set = (k: 'for' | 'against' | 'abstain', val: string) => setVotes({ ...votes, [c.applicationId]: { ...x, [k]: val } });
            return (
              <tr key={c.applicationId}>
                <td>{c.applicantName ?? c.applicationId}</td>
                <td>{c.score ?? ''}</td>
                {(['for', 'against', 'abstain'] as const).map((k) => (
                  <td key={k}>
                    <input className="vote-input" type="number" min={0} value={x[k]} disabled={!open} onChange={(e) => set(k, e.target.value)}
                      onBlur={() => open && void save(c)} aria-label={`${c.applicantName ?? ''} ${t(voteLabels[k])}`} />
                  </td>
                ))}
                <td>
                  {c.decision ? <Badge tone={['passed', 'Passed', 'pass'].includes(c.decision) ? 'ok' : 'error'}>{t(decisionLabels[c.decision] ?? c.decision)}</Badge> : c.voted ? <Badge tone="info">{t('已录入')}</Badge> : null}
                  {c.rank ? <span className="muted small"> #{c.rank}</span> : null}
                  {c.reason ? <div className="muted small">{c.reason}</div> : null}
                </td>
                <td className="muted small">{open && c.voted ? t('已保存') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row-actions">
        <a className="btn" href={`/api/committee-sessions/${encodeURIComponent(id)}/export.xlsx`} download>
          {t('导出表决结果')}
        </a>
      </div>
      {(open || closing) && (
        <div className="row-actions">
          <button className="btn btn-primary" onClick={close}>
            {open ? t('结束表决') : t('完成结束')}
          </button>
        </div>
      )}
    </section>
  );
}
