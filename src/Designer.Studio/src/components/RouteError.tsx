import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useT } from '../i18n';

/** The router's error boundary: a page that fails to render (or a chunk that fails to load) shows what happened. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <div className="page">
      <div className="alert alert-error" role="alert">
        <strong>{t('页面出错了')}</strong>
        <span>{message}</span>
      </div>
      <p>
        <button className="btn btn-small" onClick={() => window.location.reload()}>
          {t('重新加载')}
        </button>{' '}
        <Link to="/">{t('返回首页')}</Link>
      </p>
    </div>
  );
}
