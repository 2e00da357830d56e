import { useState, type ReactNode } from 'react';
import { useCatalog, useLabels } from '../catalog';
import { useI18n } from '../i18n';
import type { Paged } from '../pages/committees/types';
import { Pager } from './Pager';
import { Empty, ErrorBox, Spinner } from './ui';

/** A registry list's filters and page: changing a filter goes back to the first page. */
export function useRegistryFilter<F extends Record<string, unknown>>(initial: F) {
  const [filter, setFilter] = useState(initial);
  const [page, setPage] = useState(1);
  const set = <K extends keyof F>(key: K, value: F[K], also: Partial<F> = {}) => {
    setFilter({ ...filter, [key]: value, ...also });
    setPage(1);
  };
  return { filter, set, page, setPage };
}

/**
 * The frame the registry lists share (组织机构, 继续教育登记机构, 岗位数额, 举报台账): the filter toolbar (with an action
 * at its end where the page header has none), loading, error and empty states, the table, and the pager. `counted`
 * names the total beside the page ("共 {n} 条"); without it the shared Pager shows the page of pages.
 */
export function RegistryList<T>({
  toolbar,
  action,
  query,
  empty,
  page,
  pageSize,
  onPage,
  counted,
  children,
}: {
  toolbar: ReactNode;
  action?: ReactNode;
  query: { data?: Paged<T> | null; error: unknown; loading: boolean; reload: () => void };
  empty: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  counted?: (total: number) => string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useI18n();
  const { data, error, loading, reload } = query;
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  return (
    <>
      <div className="filters">
        {toolbar}
        {action}
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {data && data.items.length === 0 && <Empty>{empty}</Empty>}
      {data && data.items.length > 0 && children(data.items)}
      {data && !counted && <Pager page={page} total={data.total} pageSize={pageSize} onPage={onPage} />}
      {data && counted && pages > 1 && (
        <div className="row-actions">
          <button className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('上一页')}
          </button>
          <span className="muted small">
            {page} / {pages} · {counted(data.total)}
          </span>
          <button className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('下一页')}
          </button>
        </div>
      )}
    </>
  );
}

/** 全部地区 and each locality by name (for whoever sees every locality). */
export function LocalitySelect({ value, onChange }: { value: string; onChange: (locality: string) => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  return (
    <select aria-label={t('地区')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('全部地区')}</option>
      {Object.keys(vocab.localities).map((l) => (
        <option key={l} value={l}>
          {labels.locality(l)}
        </option>
      ))}
    </select>
  );
}

/** 全部状态 / 启用 / 停用: a registry entry's active flag as a filter ("", "true", "false"). */
export function ActiveSelect({ value, onChange }: { value: string; onChange: (active: string) => void }) {
  const { t } = useI18n();
  return (
    <select aria-label={t('状态')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('全部状态')}</option>
      <option value="true">{t('启用')}</option>
      <option value="false">{t('停用')}</option>
    </select>
  );
}
