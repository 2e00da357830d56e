import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useApiQuery, useWrite } from '../../api/query';
import { Badge, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { localMessage } from '../../i18n/localMessage';

interface Draw {
  seed: string;
  count: number;
  algorithm: string;
  members: { id: string; name: string; unit: string }[];
  recusals: { expertId: string; expertName: string; applicationId: string; applicantName: string; reason: string }[];
  eligible: number;
  pool: unknown[];
  drawnBy: string;
  drawnAt: string;
  verified: boolean;
}

/**
 * The draw of a session's members from its committee's pool: before it, the count and an optional seed; after it,
 * the members, the recusals with their reasons and the seed, which lets anyone replay the draw.
 */
export function DrawPanel({
  sessionId,
  committeeId,
  committeeName,
  canDraw,
  drawn,
  onDrawn,
}: {
  sessionId: string;
  committeeId: string;
  committeeName?: string | null;
  canDraw: boolean;
  /** The session's drawnMembers is set: only then is there a draw to read (asking before answers 404). */
  drawn: boolean;
  onDrawn: () => void;
}) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const write = useWrite();
  const path = `/api/committee-sessions/${encodeURIComponent(sessionId)}/draw`;
  const { data, error, loading, setData } = useApiQuery(['committee-draw', sessionId], () =>
    api.get<Draw>(path).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    { enabled: drawn },
  );
  const [count, setCount] = useState('9');
  const [seed, setSeed] = useState('');

  async function draw() {
    try {
      const d = await write(() => api.post<Draw>(path, { count: Number(count), seed: seed || undefined }));
      setData(d);
      onDrawn();
      toast(t('已抽取评委 {n} 人', { n: d.members.length }), 'ok');
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  }

  return (
    <div className="draw-panel" aria-label={t('抽取评委')}>
      <h3>
        {t('抽取评委')} <span className="muted small">{committeeName ?? committeeId}</span>
      </h3>
      {loading && <div className="muted small">…</div>}
      {error != null && <div className="field-error">{(error as Error).message}</div>}
      {!loading && !data && !error && (
        <div className="inline-2">
          <label>
            {t('抽取人数')} <input type="number" min={1} value={count} onChange={(e) => setCount(e.target.value)} aria-label={t('抽取人数')} disabled={!canDraw} />
          </label>
          <label>
            {t('随机种子（可选）')} <input value={seed} onChange={(e) => setSeed(e.target.value)} aria-label={t('随机种子')} disabled={!canDraw} />
          </label>
          {canDraw && (
            <button className="btn btn-primary" onClick={draw} disabled={write.pending}>
              {t('从专家库抽取')}
            </button>
          )}
        </div>
      )}
      {data && (
        <>
          <div className="muted small">
            {t('种子')} <code className="draw-seed">{data.seed}</code> · {t('可抽取 {n} 人', { n: data.eligible })} ·{' '}
            {data.verified ? <Badge tone="ok">{t('按种子复算一致')}</Badge> : <Badge tone="error">{t('复算不一致')}</Badge>}
          </div>
          <table className="table compact draw-members">
            <thead>
              <tr>
                <th>{t('评委')}</th>
                <th>{t('工作单位')}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.name}
                  </td>
                  <td>{m.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.recusals.length > 0 && (
            <>
              <h4>{t('回避')}</h4>
              <ul className="draw-recusals">
                {data.recusals.map((r) => (
                  <li key={`${r.expertId}-${r.applicationId}-${r.reason}`}>
                    {r.expertName} · {r.applicantName}：{localMessage(r.reason, locale)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
