import { api, qs } from '../api/client';
import { useApiQuery } from '../api/query';
import type { Paged, StepHolderView } from '../api/types';
import { useT } from '../i18n';

/**
 * Who holds the selected person step (GET /api/workflows/{id}/step-holders): the active users whose inbox its task
 * reaches, or the warning 无人承办 where nobody does (publishing then refuses the workflow; a template only warns).
 * Computed from the saved version.
 */
export function StepHoldersSection({ definitionId, activityId }: { definitionId: string; activityId: string }) {
  const t = useT();
  const { data } = useApiQuery(['step-holders', definitionId, activityId], () =>
    api.get<Paged<StepHolderView>>(`/api/workflows/${encodeURIComponent(definitionId)}/step-holders${qs({ activityId })}`),
  );
  const step = data?.items[0];
  if (!step) return null;
  return (
    <section className="props-section" data-testid="step-holders">
      <h3>{t('承办人')}</h3>
      {step.computed ? (
        <div className="muted small">{t('办理机构或角色由脚本计算，承办人在运行时确定。')}</div>
      ) : step.gaps.length > 0 ? (
        <div className="alert alert-warn small" role="status">
          <strong>{t('无人承办')}</strong>
          {step.gaps.map((g) => (
            <div key={`${g.locality}/${g.county ?? ''}`}>{g.message}</div>
          ))}
        </div>
      ) : null}
      {step.holders.length > 0 && (
        <ul className="small step-holders">
          {step.holders.map((h) => (
            <li key={h.userName}>
              {h.displayName} · {h.orgName} · {h.localityName}
            </li>
          ))}
        </ul>
      )}
      {step.holderCount > step.holders.length && <div className="muted small">{t('共 {n} 人', { n: step.holderCount })}</div>}
      <div className="muted small">{t('按已保存的版本计算。')}</div>
    </section>
  );
}
