import { useQueryClient } from '@tanstack/react-query';
import { auditKindLabel, auditSummary } from './auditKinds';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, Empty, ErrorBox, Spinner } from '../components/ui';
import { formatDate, useI18n } from '../i18n';
import { navigate, withQuery } from '../router';
import { getAudit, verifyChain, type AuditEntry, type ChainVerification } from './api';
import { useApiQuery } from '../api/query';

/** Where an entry's subject can be looked at: a workflow's history, a form, an application's journal. */
export function subjectLink(subject: string): string | null {
  // Subjects are "workflow/<id>/v<n>", "form/<id>/v<n>" (form ids may hold '/'), "application/<id>".
  const m = /^(workflow|form|application)[:/](.+)$/i.exec(subject);
  if (!m) return null;
  const id = m[2].replace(/\/v\d+$/, '');
  switch (m[1].toLowerCase()) {
    case 'workflow':
      return `/history/${encodeURIComponent(id)}`;
    case 'form':
      return `/forms/${id}`;
    case 'application':
      return `/journal/${encodeURIComponent(id)}`;
  }
  return null;
}

export function shortHash(h?: string) {
  return h ? h.slice(0, 10) : '';
}

/**
 * The hash-chained audit trail, filtered by subject and kind, page by page; "verify chain" recomputes every hash on the
 * server and shows the chain intact, or the first broken entry.
 */
export function AuditTrail({ subject, kind, page }: { subject: string; kind: string; page: number }) {
  const { t, locale } = useI18n();
  const [subjectText, setSubjectText] = useState(subject);
  const [kindText, setKindText] = useState(kind);
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const queryClient = useQueryClient();
  const { data, error, loading, reload } = useApiQuery(['audit', subject, kind, page], () => getAudit({ subject, kind, page }));
  const go = (p: Partial<{ subject: string; kind: string; page: number }>) =>
    navigate(
      withQuery('/history', {
        tab: 'trail',
        subject: p.subject ?? subject,
        kind: p.kind ?? kind,
        page: String(p.page ?? 1) === '1' ? undefined : String(p.page),
      }),
    );

  async function verify() {
    setVerifying(true);
    setVerifyError(null);
    try {
      // Each click checks the chain again (never a cached answer).
      setVerification(await queryClient.fetchQuery({ queryKey: ['audit-verify'], queryFn: verifyChain, staleTime: 0, gcTime: 0 }));
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  }

  const items: AuditEntry[] = data?.items ?? [];
  const broken = verification && !verification.intact ? verification.firstBrokenSequence : null;
  const pageSize = data?.pageSize ?? (items.length || 50);
  const hasNext = data?.total !== undefined ? page * pageSize < data.total : items.length >= pageSize && items.length > 0;
  return (
    <>
      <div className="verify-box">
        <button className="btn btn-primary" onClick={verify} disabled={verifying} data-testid="verify-chain">
          {verifying ? t('校验中…') : t('校验审计链')}
        </button>
        {verification &&
          (verification.intact ? (
            <div className="alert alert-ok" data-testid="chain-status">
              ✓ {t('审计链完整：已校验 {n} 条记录，没有被修改、删除或调换顺序的记录。', { n: verification.entriesChecked ?? 0 })}
            </div>
          ) : (
            <div className="alert alert-error" data-testid="chain-status">
              ✗ {t('审计链已损坏：第一条异常记录为 #{seq}。', { seq: verification.firstBrokenSequence ?? '?' })}
              {verification.message && <span className="muted"> {verification.message}</span>}
            </div>
          ))}
        <ErrorBox error={verifyError} />
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go({ subject: subjectText.trim(), kind: kindText.trim(), page: 1 });
        }}
      >
        <label>
          {t('对象')}
          <input value={subjectText} onChange={(e) => setSubjectText(e.target.value)} placeholder={t('如 workflow/流程标识 或 application/申报编号')} />
        </label>
        <label>
          {t('类型')}
          <input value={kindText} onChange={(e) => setKindText(e.target.value)} list="audit-kinds" placeholder={t('全部')} />
          <datalist id="audit-kinds">
            {[...new Set(items.map((i) => i.kind))].map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </label>
        <button className="btn btn-small" type="submit">
          {t('筛选')}
        </button>
      </form>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 && <Empty>{t('没有审计记录')}</Empty>}
      {items.length > 0 && (
        <table className="table compact audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('时间')}</th>
              <th>{t('操作人')}</th>
              <th>{t('类型')}</th>
              <th>{t('对象')}</th>
              <th>{t('摘要')}</th>
              <th>{t('哈希')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => {
              const link = subjectLink(e.subject);
              const summary = auditSummary(e, locale, t);
              return (
                <tr key={e.sequence} className={broken === e.sequence ? 'is-broken' : ''} data-sequence={e.sequence}>
                  <td>{e.sequence}</td>
                  <td className="small">{formatDate(e.timestamp, locale)}</td>
                  <td>{e.actor}</td>
                  <td>
                    <Badge tone="neutral">
                      <span title={e.kind}>{auditKindLabel(e.kind, t)}</span>
                    </Badge>
                  </td>
                  <td className="small">{link ? <Link to={link}>{e.subject}</Link> : <code>{e.subject}</code>}</td>
                  <td className="small" title={summary.title}>
                    {summary.text}
                  </td>
                  <td>
                    <span className="hash" title={`${t('数据')} ${e.dataHash ?? ''}\n${t('上一条')} ${e.previousHash ?? ''}\n${t('本条')} ${e.hash ?? ''}`}>
                      {shortHash(e.hash)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(page > 1 || hasNext) && (
        <div className="pager">
          <button className="btn btn-small" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
            ← {t('上一页')}
          </button>
          <span className="small muted">{t('第 {n} 页', { n: page })}</span>
          <button className="btn btn-small" disabled={!hasNext} onClick={() => go({ page: page + 1 })}>
            {t('下一页')} →
          </button>
        </div>
      )}
    </>
  );
}
