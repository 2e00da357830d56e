import { useState } from 'react';
import { useApiQuery, useWrite } from '../api/query';
import { Link } from 'react-router';
import { api, idPath, qs } from '../api/client';
import type { Paged } from '../api/types';
import { Pager } from '../components/Pager';
import { Badge, ErrorBox, Spinner, useToast } from '../components/ui';
import { formatDate, useI18n } from '../i18n';
import type { WorkflowMeta } from './store';

interface VersionRow {
  version: number;
  isPublished?: boolean;
  isLatest?: boolean;
  status?: string;
  updatedBy?: string;
  updatedAt?: string;
  createdAt?: string;
  comment?: string;
}

/** Version history with view and revert (revert copies an old version into a new latest version). */
export function VersionsPanel({ meta, readOnly, onReverted }: { meta: Pick<WorkflowMeta, 'definitionId' | 'version' | 'isPublished'>; readOnly: boolean; onReverted: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const write = useWrite();
  const [page, setPage] = useState(1);
  const { data: listed, error, loading, reload } = useApiQuery(['workflow-versions', meta.definitionId, meta.version, meta.isPublished, page], () =>
    api.get<Paged<VersionRow>>(`/api/workflows/${idPath(meta.definitionId)}/versions${qs({ page, pageSize: 20 })}`),
  );
  const data = listed?.items;
  async function revert(v: number) {
    if (!window.confirm(t('以第 {v} 版的内容创建一个新版本？历史版本不会被改写。', { v }))) return;
    try {
      await write(() => api.post(`/api/workflows/${idPath(meta.definitionId)}/revert/${v}`, {}));
      toast(t('已从第 {v} 版恢复为新版本', { v }), 'ok');
      reload();
      onReverted();
    } catch (e) {
      toast(t('恢复失败：{message}', { message: (e as Error).message }), 'error');
    }
  }
  if (loading) return <Spinner />;
  if (error) return <ErrorBox error={error} onRetry={reload} />;
  const rows = [...(data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th>{t('版本')}</th>
          <th>{t('状态')}</th>
          <th>{t('修改人')}</th>
          <th>{t('时间')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.version} className={r.version === meta.version ? 'current' : ''}>
            <td>v{r.version}</td>
            <td>
              {r.isPublished ? <Badge tone="ok">{t('已发布')}</Badge> : <Badge tone="neutral">{statusText(r, t)}</Badge>}
              {r.isLatest && <Badge tone="info">{t('最新')}</Badge>}
            </td>
            <td>{r.updatedBy ?? ''}</td>
            <td>{formatDate(r.updatedAt ?? r.createdAt, locale)}</td>
            <td className="row-actions">
              <Link className="btn btn-small btn-ghost" to={`/workflows/${encodeURIComponent(meta.definitionId)}?version=${r.version}`}>
                {t('查看')}
              </Link>
              {rows[i + 1] && (
                <Link className="btn btn-small btn-ghost" to={`/diff/${encodeURIComponent(meta.definitionId)}?from=${rows[i + 1].version}&to=${r.version}`} data-testid={`compare-${r.version}`}>
                  {t('与上一版对比')}
                </Link>
              )}
              {!readOnly && !r.isLatest && (
                <button className="btn btn-small" onClick={() => revert(r.version)}>
                  {t('恢复为新版本')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
      {listed && listed.total > listed.pageSize && (
        <tfoot>
          <tr>
            <td colSpan={5}>
              <Pager page={listed.page} pageSize={listed.pageSize} total={listed.total} onPage={setPage} />
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function statusText(r: VersionRow, t: (s: string) => string) {
  if (r.status === 'retracted') return t('已撤回');
  if (r.isLatest) return t('草稿');
  return t('历史版本');
}
