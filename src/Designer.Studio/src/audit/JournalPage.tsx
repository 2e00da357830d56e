import { useApiQuery } from '../api/query';
import { Link } from 'react-router';
import { useLabels } from '../catalog';
import { Badge, Empty, ErrorBox, PageHeader, Spinner } from '../components/ui';
import { formatDate, useI18n } from '../i18n';
import { withQuery } from '../router';
import { getJournal, type JournalEntry } from './api';
import { shortHash } from './AuditTrail';
import { auditKindLabel, auditSummary } from './auditKinds';
import './audit.css';

/** An application's journal: every action on it (who, when, stage, action), each with the hash of its data. */
export function JournalPage({ applicationId }: { applicationId: string }) {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const { data, error, loading, reload } = useApiQuery(['journal', applicationId], () => getJournal(applicationId));
  const entries: JournalEntry[] = data?.entries ?? [];
  const verification = data?.verification as { intact?: boolean; firstBrokenSequence?: number | null; entriesChecked?: number; message?: string } | undefined;
  const title = (data?.workflowName as string) || (data?.applicantName as string) || '';
  return (
    <div className="page">
      <PageHeader
        title={
          <>
            {t('办理日志')}
            {title ? ` · ${title}` : ''}
          </>
        }
        subtitle={
          <>
            <Link to={withQuery('/history', { tab: 'applications' })}>← {t('审计')}</Link> · <code>{applicationId}</code>
          </>
        }
        actions={
          <>
            <Link className="btn" to={withQuery('/history', { tab: 'trail', subject: `application/${applicationId}` })}>
              {t('审计日志')}
            </Link>
            <Link className="btn" to={`/applications/${encodeURIComponent(applicationId)}`}>
              {t('查看申报')}
            </Link>
          </>
        }
      />
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {verification &&
        (verification.intact ? (
          <div className="alert alert-ok small" data-testid="chain-status">
            ✓ {t('审计链完整：已校验 {n} 条记录，没有被修改、删除或调换顺序的记录。', { n: verification.entriesChecked ?? 0 })}
            {verification.message && <div className="muted">{verification.message}</div>}
          </div>
        ) : (
          <div className="alert alert-error small" data-testid="chain-status">
            ✗ {t('审计链已损坏：第一条异常记录为 #{seq}。', { seq: verification.firstBrokenSequence ?? '?' })}
            {verification.message && <span className="muted"> {verification.message}</span>}
          </div>
        ))}
      {!loading && !error && entries.length === 0 && <Empty>{t('暂无办理记录')}</Empty>}
      {entries.length > 0 && (
        <table className="table compact" data-testid="journal-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('时间')}</th>
              <th>{t('操作人')}</th>
              <th>{t('阶段')}</th>
              <th>{t('动作')}</th>
              <th>{t('摘要')}</th>
              <th>{t('数据哈希')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => {
              const stage = e.data?.stage ?? e.stage;
              const action = e.data?.action ?? e.action;
              const hash = e.data?.dataHash ?? e.dataHash;
              const summary = auditSummary(
                { kind: e.kind as string, subject: (e.subject as string) ?? `application/${applicationId}`, summary: e.summary as string, actor: e.actor as string },
                locale,
                t,
              );
              return (
                <tr key={e.sequence ?? i} className={e.verified === false ? 'is-broken' : ''}>
                  <td>{e.sequence ?? i + 1}</td>
                  <td className="small">{formatDate((e.timestamp ?? e.at ?? e.date) as string, locale)}</td>
                  <td title={e.actor as string}>
                    {(e.actorName as string) || (e.actor as string)}
                    {e.actorOrg ? <div className="muted small">{e.actorOrg as string}</div> : null}
                  </td>
                  <td>{stage ? <Badge tone="accent">{e.stageName || stage.split(',').map((x) => labels.stage(x)).join('、')}</Badge> : ''}</td>
                  <td>
                    {action ? <strong>{e.actionName || action.split(',').map((x) => labels.action(x)).join('、')}</strong> : null} <Badge tone="neutral">{auditKindLabel(e.kind as string, t)}</Badge>
                  </td>
                  <td className="small">
                    <span title={summary.title}>{summary.text}</span>
                    {e.sessionName ? <div className="muted">{e.sessionName}</div> : e.data?.comment ? <div className="muted">{e.data.comment}</div> : null}
                  </td>
                  <td>
                    <span className="hash" title={`${t('数据哈希')} ${hash ?? ''}\n${t('本条')} ${e.hash ?? ''}`}>
                      {shortHash(hash)}
                    </span>{' '}
                    {e.verified === false ? <Badge tone="error">✗</Badge> : e.verified ? <span className="muted small">✓</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
