import type { TimelineEntry } from '../api/types';
import { useLabels } from '../catalog';
import { useT } from '../i18n';
import { StepDetails } from './StepDetails';
import { ownTitle } from './stepTitle';

const negative = new Set(['reject', 'fail', 'object', 'overdue']);

/** Who acted: the person's name and, for staff, their organisation; the user name only when the server knows no name. */
function actorText(e: TimelineEntry): string {
  const { actor, actorName, actorOrg } = e as TimelineEntry & { actorName?: string | null; actorOrg?: string | null };
  if (!actor) return '';
  return ` · ${actorName || actor}${actorOrg ? `（${actorOrg}）` : ''}`;
}

/** An application's path: stage, who it was assigned to, what was done, when. */
export function Timeline({ entries, waiting }: { entries: TimelineEntry[]; waiting?: { stage?: string; stageName?: string; title?: string; org?: string; role?: string; dueDate?: string | null }[] }) {
  const t = useT();
  const labels = useLabels();
  if (!entries.length && !waiting?.length) return <div className="muted small">{t('暂无办理记录')}</div>;
  const stageText = (stage?: string, stageName?: string) => (labels.locale === 'en' ? labels.stage(stage) : stageName || labels.stage(stage));
  return (
    <ol className="timeline">
      {entries.map((e, i) => (
        <li key={i} className={`tl-item ${negative.has(e.action ?? '') ? 'tl-neg' : e.action === 'return' ? 'tl-warn' : 'tl-pos'}`} data-stage={e.stage}>
          <div className="tl-dot" />
          <div className="tl-body">
            <div className="tl-head">
              <span className="tl-stage">{stageText(e.stage, (e as any).stageName)}</span>
              <span className="tl-action">{labels.locale === 'en' ? labels.action(e.action) : (e as any).actionName || labels.action(e.action)}</span>
              <span className="tl-date muted small">{e.date}</span>
            </div>
            <div className="muted small">
              {ownTitle(e.title, (e as any).stageName) ? `${e.title} · ` : ''}
              {labels.org(e.assignee?.resolvedOrg || e.assignee?.org)}
              {e.assignee?.role ? ` · ${labels.role(e.assignee.role)}` : ''}
              {actorText(e)}
            </div>
            {(e as any).sessionName && (
              <div className="small" data-testid="tl-session">
                {t('评审会')}：{(e as any).sessionName}
              </div>
            )}
            {e.comment && <div className="tl-comment">“{e.comment}”</div>}
            <StepDetails details={(e as { details?: Record<string, unknown> | null }).details} />
            {e.reasons?.length ? (
              <ul className="tl-reasons">
                {e.reasons.map((r, j) => (
                  <li key={j}>{r}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
      {waiting?.map((w, i) => (
        <li key={`w${i}`} className="tl-item tl-waiting">
          <div className="tl-dot" />
          <div className="tl-body">
            <div className="tl-head">
              <span className="tl-stage">{stageText(w.stage, w.stageName)}</span>
              <span className="tl-action">{t('办理中')}</span>
              {w.dueDate && <span className="tl-date muted small">{t('期限 {date}', { date: w.dueDate })}</span>}
            </div>
            <div className="muted small">
              {ownTitle(w.title, w.stageName) ? `${w.title} · ` : ''}
              {labels.org(w.org)}
              {w.role ? ` · ${labels.role(w.role)}` : ''}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
