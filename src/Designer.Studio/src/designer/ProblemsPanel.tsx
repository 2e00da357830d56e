import { useMemo } from 'react';
import type { Problem } from '../api/types';
import { useLabels } from '../catalog';
import { useI18n } from '../i18n';
import { useDesignerView } from './context';
import { labelOf, type ActivityNodeData } from './model';
import { problemCodeLabel, problemPlace } from './problemText';
import { localMessage } from '../i18n/localMessage';

/** The validation report: every problem with the activity it concerns; a click selects and centres that activity. */
export function ProblemsPanel({ problems, nodeData, onFocus }: { problems: Problem[]; nodeData: ActivityNodeData[]; onFocus: (id: string) => void }) {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const { descriptors } = useDesignerView();
  const byId = useMemo(() => new Map(nodeData.map((d) => [d.activity.id, d.activity])), [nodeData]);
  if (!problems.length) return <div className="muted pad">{t('没有问题。点击“校验”检查流程，发布前服务器也会校验。')}</div>;
  return (
    <table className="table compact problems-table">
      <thead>
        <tr>
          <th>{t('活动')}</th>
          <th>{t('问题')}</th>
          <th>{t('位置')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => {
          const a = p.activityId ? byId.get(p.activityId) : undefined;
          return (
            <tr key={i} className={a ? 'clickable' : ''} onClick={() => a && onFocus(a.id)}>
              <td>{a ? labelOf(a, descriptors.get(a.type)?.displayName) : p.activityId ? <code>{p.activityId}</code> : t('整个流程')}</td>
              <td className="problem-message">{localMessage(p.message, locale)}</td>
              <td className="muted small" title={p.path ?? undefined}>
                {[problemPlace(p, a ? descriptors.get(a.type) : undefined, labels, t), problemCodeLabel(p.code, t)].filter(Boolean).join(' · ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
