import type { ReactNode } from 'react';
import { auditKindLabel, auditSummary } from './auditKinds';
import { Link } from 'react-router';
import { Badge, Empty, ErrorBox, PageHeader, Spinner } from '../components/ui';
import { formatDate, useI18n } from '../i18n';
import { withQuery } from '../router';
import { getHistory, normaliseDiff, type AuditEntry, type HistoryVersion, type WorkflowDiff } from './api';
import { shortHash } from './AuditTrail';
import { indexDiff } from './diffModel';
import './audit.css';
import { useApiQuery } from '../api/query';

/** A definition's history for the auditor: every version with who and when, its audit entries and what it changed. */
export function WorkflowHistoryPage({ definitionId }: { definitionId: string }) {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['history', definitionId], () => getHistory(definitionId));
  const id = encodeURIComponent(definitionId);
  const versions = [...(data?.versions ?? [])].sort((a, b) => b.version - a.version);
  const clone = !!data?.clonedFrom;
  return (
    <div className="page">
      <PageHeader
        title={
          <>
            {data?.name || definitionId} · {t('版本历史')}
          </>
        }
        subtitle={
          <>
            <Link to={'/history'}>← {t('审计')}</Link> · <code>{definitionId}</code>
          </>
        }
        actions={
          <>
            <Link className="btn" to={withQuery('/history', { tab: 'trail', subject: `workflow/${definitionId}` })}>
              {t('审计日志')}
            </Link>
            {clone && (
              <Link className="btn" to={withQuery(`/diff/${id}`, { against: 'template' })}>
                {t('与模板对比')}
              </Link>
            )}
            <Link className="btn" to={`/workflows/${id}`}>
              {t('打开设计器')}
            </Link>
          </>
        }
      />
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && versions.length === 0 && <Empty>{t('没有版本')}</Empty>}
      {versions.map((v, i) => {
        const previous = versions[i + 1]?.version;
        const entries: AuditEntry[] = (v.audit ?? v.entries ?? []) as AuditEntry[];
        return (
          <section key={v.version} className="history-version" data-version={v.version}>
            <div className="history-version-head">
              <strong>{t('第 {v} 版', { v: v.version })}</strong>
              {v.isPublished ? (
                <Badge tone="ok">{t('已发布')}</Badge>
              ) : v.status === 'was-published' || v.wasPublished ? (
                <Badge tone="neutral">{t('曾发布')}</Badge>
              ) : v.isLatest ? (
                <Badge tone="warn">{t('草稿')}</Badge>
              ) : (
                <Badge tone="neutral">{t('历史版本')}</Badge>
              )}
              {v.isLatest && <Badge tone="info">{t('最新')}</Badge>}
              <span className="small">
                {v.updatedBy ?? v.createdBy ?? ''} <span className="muted">{formatDate(v.updatedAt ?? v.createdAt, locale)}</span>
              </span>
              <span className="spacer" />
              {previous !== undefined && (
                <Link className="btn btn-small btn-primary" to={withQuery(`/diff/${id}`, { from: String(previous), to: String(v.version) })} data-testid={`diff-${v.version}`}>
                  {t('与第 {v} 版对比', { v: previous })}
                </Link>
              )}
              <Link className="btn btn-small btn-ghost" to={`/workflows/${id}?version=${v.version}`}>
                {t('查看')}
              </Link>
            </div>
            {previous !== undefined ? <DiffSummaryView version={v} /> : <div className="muted small history-summary">{t('第一个版本')}</div>}
            {entries.length > 0 && (
              <ul className="history-entries">
                {entries.map((e, k) => {
                  const summary = auditSummary({ ...e, kind: e.kind ?? '', subject: e.subject ?? '', actor: e.actor ?? '' }, locale, t);
                  return (
                    <li key={e.sequence ?? k}>
                      <span className="muted">#{e.sequence}</span> {formatDate(e.timestamp, locale)} · <strong>{e.actor}</strong> ·{' '}
                      <Badge tone="neutral">{auditKindLabel(e.kind ?? '', t)}</Badge> <span title={summary.title}>{summary.text}</span>{' '}
                      <span className="hash" title={e.hash}>
                        {shortHash(e.hash)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** What a version changed: counts by kind (from a full diff, or the server's summary), or the summary's text. */
function DiffSummaryView({ version }: { version: HistoryVersion }) {
  const { t, locale } = useI18n();
  const raw = (version.changes ?? version.diff ?? version.summary) as unknown;
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return <div className="history-summary small">{raw}</div>;
  const o = raw as Record<string, unknown>;
  let counts: Record<string, number>;
  if (Array.isArray(o.activities) || Array.isArray(o.connections)) {
    const c = indexDiff(normaliseDiff(o as Partial<WorkflowDiff>)).counts;
    counts = { added: c.added, removed: c.removed, changed: c.changed, moved: c.moved, connections: c.connections, variables: c.variables, fields: c.fields, definition: c.definition };
  } else {
    // The server's summary: {hasSemanticChanges, summary, counts: {definition, activitiesAdded, …, formFields}, text}.
    const source = (o.counts && typeof o.counts === 'object' ? o.counts : o) as Record<string, unknown>;
    const alias: Record<string, string> = { activitiesAdded: 'added', activitiesRemoved: 'removed', activitiesChanged: 'changed', activitiesMoved: 'moved', formFields: 'fields' };
    counts = {};
    for (const [k, v] of Object.entries(source)) if (typeof v === 'number') counts[alias[k] ?? k] = v;
    if (Array.isArray((o.diff as Record<string, unknown> | undefined)?.activities) && !o.counts) {
      const c = indexDiff(normaliseDiff(o.diff as Partial<WorkflowDiff>)).counts;
      counts = { ...c, fields: c.fields };
    }
  }
  const names: Record<string, [string, 'ok' | 'error' | 'warn' | 'info' | 'neutral']> = {
    definition: ['流程属性', 'warn'],
    added: ['新增活动', 'ok'],
    removed: ['删除活动', 'error'],
    changed: ['修改活动', 'warn'],
    moved: ['仅移动', 'info'],
    connections: ['连线变化', 'warn'],
    variables: ['变量变化', 'warn'],
    forms: ['表单变化', 'warn'],
    fields: ['表单字段变化', 'warn'],
  };
  const chips: ReactNode[] = [];
  for (const [k, [label, tone]] of Object.entries(names)) if (counts[k]) chips.push(<Badge key={k} tone={tone}>{`${t(label)} ${counts[k]}`}</Badge>);
  const semantic = (o.hasSemanticChanges as boolean | undefined) ?? chips.length > (counts.moved ? 1 : 0);
  // The server's summary is Chinese: shown beside the chips in Chinese only; the full text diff as its tooltip.
  const text = locale === 'zh-CN' && typeof o.summary === 'string' ? o.summary : null;
  const full = typeof o.text === 'string' ? o.text : undefined;
  return (
    <div className="history-summary small" data-testid="diff-summary">
      {chips.length ? chips : <span className="muted">{t('与上一版相同')}</span>}
      {!semantic && chips.length > 0 && <span className="muted">{t('（仅布局变化）')}</span>}
      {text && (
        <span className="muted" title={full}>
          {text}
        </span>
      )}
    </div>
  );
}
