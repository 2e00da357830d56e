import { useT } from '../i18n';

interface Objection {
  date?: string;
  objectorName?: string;
  contact?: string;
  reason?: string;
  evidence?: Attachment[] | null;
}

interface Attachment {
  fileName?: string;
  dataUrl?: string;
  url?: string;
  correctionItem?: string;
}

/** What a step's form said, on the timeline: opinion, the itemised correction list (一次性告知), the reply and its files, scores, votes. */
export function StepDetails({ details }: { details?: Record<string, unknown> | null }) {
  const t = useT();
  if (!details) return null;
  const items = (details.correctionItems as { item?: string; requirement?: string }[] | undefined) ?? [];
  const files = (details.evidence as Attachment[] | undefined) ?? [];
  const votes = ['for', 'against', 'abstain'].every((k) => typeof details[k] === 'number');
  const score = details.total ?? details.score;
  const objections = (details.objections as Objection[] | undefined) ?? [];
  return (
    <div className="step-details">
      {typeof details.opinion === 'string' && <div className="tl-comment">{t('审核意见')}：{details.opinion}</div>}
      {items.length > 0 && (
        <div className="correction-items">
          <div className="strong small">{t('一次性告知补正事项')}</div>
          <ol>
            {items.map((i, n) => (
              <li key={n}>
                {i.item}
                {i.requirement ? <span className="muted">（{i.requirement}）</span> : null}
              </li>
            ))}
          </ol>
          {typeof details.correctionDeadline === 'string' && <div className="small">{t('补正截止日期')}：{details.correctionDeadline}</div>}
        </div>
      )}
      {typeof details.response === 'string' && <div className="tl-comment">{t('补正说明')}：{details.response}</div>}
      {files.length > 0 && (
        <ul className="attachment-list" aria-label={t('补正材料附件')}>
          {files.map((f, n) => (
            <li key={n}>
              {f.dataUrl || f.url ? (
                <a href={f.dataUrl || f.url} download={f.fileName} target={f.url ? '_blank' : undefined} rel="noreferrer">
                  {f.fileName}
                </a>
              ) : (
                f.fileName
              )}
              {f.correctionItem ? <span className="muted small"> · {f.correctionItem}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {objections.length > 0 && (
        <div className="objections">
          <div className="strong small">{t('公示期间的异议')}</div>
          <ol>
            {objections.map((o, n) => (
              <li key={n}>
                <div className="small muted">{t('{date} {name}（{contact}）', { date: o.date ?? '', name: o.objectorName ?? '', contact: o.contact ?? '' })}</div>
                <div>
                  {t('异议事由')}：{o.reason}
                </div>
                {Array.isArray(o.evidence) && o.evidence.length > 0 && <div className="small">{o.evidence.map((f) => f.fileName).join('、')}</div>}
              </li>
            ))}
          </ol>
        </div>
      )}
      {votes && (
        <div className="small">
          {t('赞成')} {String(details.for)} · {t('反对')} {String(details.against)} · {t('弃权')} {String(details.abstain)}
        </div>
      )}
      {typeof score === 'number' && (
        <div className="small">
          {t('得分')} {score}
        </div>
      )}
    </div>
  );
}
