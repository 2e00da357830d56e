import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useApiQuery, useWrite } from '../../api/query';
import { hasRole, Roles, useAuth } from '../../auth';
import { useLabels } from '../../catalog';
import { Badge, PageHeader, Spinner } from '../../components/ui';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { titleStatusNames } from '../record/PersonRecordPage';

interface Certificate {
  number: string;
  holder?: string;
  series?: string;
  level?: string;
  directed?: boolean;
  validIn?: string | null;
  issuedOn?: string;
  locality?: string;
  valid?: boolean;
  status?: 'valid' | 'revoked' | 'replaced';
  revokedOn?: string | null;
  revocationReason?: string | null;
  replacedBy?: string | null;
  replaces?: string | null;
  titleStatus?: 'lapsed' | 'reevaluate' | 'restricted' | null;
  titleStatusReason?: string | null;
  titleStatusOn?: string | null;
}

/** Certificate verification by number; no sign-in needed. */
export function CertificatePage({ number }: { number: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const [input, setInput] = useState(number);
  useEffect(() => setInput(number), [number]);
  const query = useApiQuery(['certificate', number], () => api.get<Certificate>(`/api/public/certificates/${encodeURIComponent(number)}`), {
    enabled: !!number,
  });
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  const state = {
    loading: query.loading,
    cert: number ? query.data : undefined,
    notFound,
    error: query.error && !notFound ? (query.error as Error).message : undefined,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (input.trim()) navigate(`/public/certificates/${encodeURIComponent(input.trim())}`);
  };
  return (
    <div className="page page-narrow">
      <PageHeader title={t('证书查验')} subtitle={t('输入职称证书编号，核验证书真伪')} />
      <form className="search-row" onSubmit={submit}>
        <input value={input} onChange={(e) => setInput(e.target.value)} placeholder={t('证书编号')} aria-label={t('证书编号')} />
        <button className="btn btn-primary" type="submit">
          {t('查验')}
        </button>
      </form>
      {state.loading && <Spinner />}
      {state.notFound && <div className="alert alert-error">{t('未找到编号为 {n} 的证书', { n: number })}</div>}
      {state.error && <div className="alert alert-error">{state.error}</div>}
      {state.cert && (
        <div className="card certificate">
          <div className="cert-head">
            {state.cert.status === 'revoked' ? (
              <Badge tone="error">{t('证书已撤销')}</Badge>
            ) : state.cert.status === 'replaced' ? (
              <Badge tone="warn">{t('证书已补发或换发')}</Badge>
            ) : state.cert.valid === false ? (
              <Badge tone="error">{t('证书无效')}</Badge>
            ) : (
              <Badge tone="ok">{t('证书有效')}</Badge>
            )}
            <code>{state.cert.number}</code>
          </div>
          {state.cert.status === 'revoked' && (
            <div className="alert alert-error" role="status">
              {t('该证书已于 {date} 撤销。原因：{reason}', { date: state.cert.revokedOn ?? '', reason: state.cert.revocationReason ?? '' })}
            </div>
          )}
          {state.cert.status === 'replaced' && state.cert.replacedBy && (
            <div className="alert alert-warn" role="status">
              {t('该证书已由新证书代替：')}
              <a href={`#/public/certificates/${encodeURIComponent(state.cert.replacedBy)}`}>{state.cert.replacedBy}</a>
            </div>
          )}
          {state.cert.titleStatus && (
            <div className={`alert ${state.cert.titleStatus === 'lapsed' ? 'alert-error' : 'alert-warn'}`} role="status">
              {t('{date} 起{status}。原因：{reason}', {
                date: state.cert.titleStatusOn ?? '',
                status: t(titleStatusNames[state.cert.titleStatus] ?? state.cert.titleStatus),
                reason: state.cert.titleStatusReason ?? '',
              })}
            </div>
          )}
          <dl className="notice-facts">
            <dt>{t('持证人')}</dt>
            <dd>{state.cert.holder}</dd>
            <dt>{t('系列')}</dt>
            <dd>{labels.code('series', state.cert.series)}</dd>
            <dt>{t('层级')}</dt>
            <dd>{labels.code('levels', state.cert.level)}</dd>
            <dt>{t('类型')}</dt>
            <dd>{state.cert.directed ? t('定向评价、定向使用') : t('通用')}</dd>
            {state.cert.validIn && (
              <>
                <dt>{t('适用范围')}</dt>
                <dd>{state.cert.validIn}</dd>
              </>
            )}
            <dt>{t('发证日期')}</dt>
            <dd>{state.cert.issuedOn}</dd>
            <dt>{t('发证地区')}</dt>
            <dd>{labels.locality(state.cert.locality)}</dd>
          </dl>
          {state.cert.status !== 'revoked' && state.cert.status !== 'replaced' && <RevokeBox number={state.cert.number} onDone={query.reload} />}
        </div>
      )}
    </div>
  );
}

/**
 * Revocation (fraud found after issue), for HR reviewers and admins; the server decides who may (404 otherwise). The
 * holder's integrity record gets the finding for three years.
 */
function RevokeBox({ number, onDone }: { number: string; onDone: () => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const write = useWrite();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!hasRole(me, Roles.reviewer, Roles.policyAdmin, Roles.localityAdmin)) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await write(() => api.post(`/api/certificates/${encodeURIComponent(number)}/revoke`, { reason }));
      setOpen(false);
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 404 ? t('您无权撤销该证书') : (failure as Error).message);
    }
  };
  if (!open)
    return (
      <button className="btn btn-danger" type="button" onClick={() => setOpen(true)}>
        {t('撤销证书')}
      </button>
    );
  return (
    <form className="search-row" onSubmit={submit} aria-label={t('撤销证书')}>
      <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('撤销原因（如经查实弄虚作假）')} aria-label={t('撤销原因')} required />
      <button className="btn btn-danger" type="submit" disabled={write.pending || !reason.trim()}>
        {t('确认撤销')}
      </button>
      {error && <div className="alert alert-error">{error}</div>}
    </form>
  );
}
