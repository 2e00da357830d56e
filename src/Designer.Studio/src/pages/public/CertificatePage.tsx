import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { useLabels } from '../../catalog';
import { Badge, PageHeader, Spinner } from '../../components/ui';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

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
            {state.cert.valid === false ? <Badge tone="error">{t('证书无效')}</Badge> : <Badge tone="ok">{t('证书有效')}</Badge>}
            <code>{state.cert.number}</code>
          </div>
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
        </div>
      )}
    </div>
  );
}
