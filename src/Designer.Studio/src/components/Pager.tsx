import { useI18n } from '../i18n';

/** Previous / next for a paged list (`{items,total,page,pageSize}`); nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <div className="pager">
      <button className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('上一页')}
      </button>
      <span className="small muted">{t('第 {n} 页，共 {total} 页', { n: page, total: pages })}</span>
      <button className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('下一页')}
      </button>
    </div>
  );
}
