import { useI18n } from '../../i18n';

/** Previous / next under a paged list, with "page / pages · total". */
export function Pager({ page, total, onPage, pageSize }: { page: number; total: number; pageSize: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <div className="row-actions">
      <button className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('上一页')}
      </button>
      <span className="muted small">
        {page} / {pages} · {t('共 {n} 条', { n: total })}
      </span>
      <button className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('下一页')}
      </button>
    </div>
  );
}
