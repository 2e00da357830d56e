import { useState } from 'react';
import { Link } from 'react-router';
import { qs } from '../../api/client';
import { getAll } from '../../api/paged';
import { useApiQuery } from '../../api/query';
import type { Procedure } from '../../api/types';
import { Badge, Empty, ErrorBox, PageHeader, Spinner } from '../../components/ui';
import { useCatalog, useLabels, type CodeKind } from '../../catalog';
import { useI18n } from '../../i18n';

/** The procedures open to the applicant (published in their locality), narrowed by kind, series and level. */
export function ProceduresPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const [filter, setFilter] = useState({ kind: '', series: '', level: '' });
  const { data, error, loading, reload } = useApiQuery(['procedures', filter.kind, filter.series, filter.level], () =>
    getAll<Procedure>(`/api/procedures${qs(filter)}`),
  );
  const select = (key: 'kind' | 'series' | 'level', codes: CodeKind, label: string) => (
    <label>
      {t(label)}
      <select value={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.target.value })} aria-label={t(label)}>
        <option value="">{t('不限')}</option>
        {Object.keys(vocab[codes]).map((c) => (
          <option key={c} value={c}>
            {labels.code(codes, c)}
          </option>
        ))}
      </select>
    </label>
  );
  const chips = (kind: CodeKind, codes?: string[]) =>
    (codes ?? []).map((c) => (
      <Badge key={kind + c} tone="neutral">
        {labels.code(kind, c)}
      </Badge>
    ));
  return (
    <div className="page">
      <PageHeader title={t('选择申报事项')} subtitle={t('本地区当前开放的职称评审、认定事项')} />
      <div className="filters">
        {select('kind', 'kinds', '申报类型')}
        {select('series', 'series', '系列')}
        {select('level', 'levels', '层级')}
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && (data ?? []).length === 0 && <Empty>{t('当前没有符合条件的申报事项')}</Empty>}
      <div className="cards">
        {(data ?? []).map((p) => (
          <div key={p.definitionId} className="card procedure-card" data-definition-id={p.definitionId}>
            <h2>{p.name || p.definitionId}</h2>
            <div className="chips">
              {chips('kinds', p.scope?.kinds)}
              {chips('series', p.scope?.series)}
              {chips('levels', p.scope?.levels)}
            </div>
            {p.description && <p className="card-desc">{p.description}</p>}
            <div className="card-foot">
              <span className="muted small">{t('第 {v} 版', { v: p.version ?? '' })}</span>
              {p.window?.open === false ? (
                <span className="procedure-closed" data-testid="procedure-closed">
                  <Badge tone="neutral">{t('未在申报时间内')}</Badge>{' '}
                  <span className="muted small">
                    {t('申报时间：{opens} 至 {closes}', { opens: p.window.opens ?? '', closes: p.window.closes ?? '' })}
                    {p.window.name ? `（${p.window.name}）` : ''}
                  </span>
                </span>
              ) : (
                <>
                  {p.window?.closes && (
                    <span className="muted small">{t('截止 {closes}', { closes: p.window.closes })}</span>
                  )}
                  <Link className="btn btn-primary" to={`/apply/${encodeURIComponent(p.definitionId)}`}>
                    {t('开始申报')}
                  </Link>
                </>
              )}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
