import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, idPath } from '../api/client';
import { useT } from '../i18n';

/**
 * In the designer of a clone: "模板已更新" when its template has published a newer version since it was cloned (or last
 * merged), opening the merge page. Renders nothing for workflows that are not clones, or when nothing changed.
 */
export function UpstreamBanner({ definitionId, clonedFrom }: { definitionId: string; clonedFrom: unknown }) {
  const t = useT();
  const [changed, setChanged] = useState(false);
  const origin = clonedFrom as { definitionId?: string; version?: number } | null | undefined;
  const key = origin?.definitionId ? `${origin.definitionId}@${origin.version ?? ''}` : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    api
      .get<{ changed?: boolean }>(`/api/workflows/${idPath(definitionId)}/upstream`)
      .then((r) => live && setChanged(!!r?.changed))
      .catch(() => live && setChanged(false));
    return () => {
      live = false;
    };
  }, [definitionId, key]);
  if (!key || !changed) return null;
  return (
    <Link className="badge badge-warn" to={`/upstream/${encodeURIComponent(definitionId)}`} title={t('查看模板的变化并合并')} data-testid="upstream-banner">
      ⟳ {t('模板已更新')}
    </Link>
  );
}
