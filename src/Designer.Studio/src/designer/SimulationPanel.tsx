import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useWrite } from '../api/query';
import type { ElsaActivity, ElsaDefinition, TimelineEntry } from '../api/types';
import { Badge } from '../components/ui';
import { useI18n } from '../i18n';
import { useDesignerView } from './context';
import { useCatalog } from '../catalog';
import { labelOf, literalOf } from './model';
import { localMessage } from '../i18n/localMessage';
import { sampleApplicant } from './sampleApplicant';
import { useRegisteredUnits } from '../forms/UnitPicker';
import { DateInput } from '../components/DateInput';

export interface SimulationResult {
  status: string;
  granted?: any;
  path?: TimelineEntry[];
  errors?: { path?: string; message: string }[];
}

interface Answer {
  action: string;
  for?: number;
  against?: number;
  abstain?: number;
}

/**
 * Runs contract.md's simulation case against the workflow as it is on the canvas (unsaved edits included) and lights
 * up the path on the canvas, step by step.
 */
export function SimulationPanel({
  definition,
  personSteps,
  ensureSaved,
  result,
  onResult,
  onClear,
  onFocus,
}: {
  definition: ElsaDefinition;
  personSteps: ElsaActivity[];
  /** Saves unsaved edits (the server simulates stored versions) and names the version to run. */
  ensureSaved: () => Promise<{ definitionId: string; version: number } | null>;
  result: SimulationResult | null;
  onResult: (r: SimulationResult) => void;
  onClear: () => void;
  onFocus: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const write = useWrite({ invalidates: false });
  const { descriptors, labels } = useDesignerView();
  const { vocab } = useCatalog();
  const [startDate, setStartDate] = useState(() => new Date().toISOString().slice(0, 10));
  const units = useRegisteredUnits(definition.customProperties?.locality);
  const [applicantText, setApplicantText] = useState(() =>
    JSON.stringify(sampleApplicant(definition, vocab), null, 2),
  );
  // Once the locality's registered units arrive, the untouched sample names one of them.
  useEffect(() => {
    if (units.length === 0) return;
    const untouched = JSON.stringify(sampleApplicant(definition, vocab), null, 2);
    setApplicantText((text) => (text === untouched ? JSON.stringify(sampleApplicant(definition, vocab, units), null, 2) : text));
  }, [units]); // eslint-disable-line react-hooks/exhaustive-deps
  const [historyText, setHistoryText] = useState('[]');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [defaultAction, setDefaultAction] = useState('approve');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const stages = useMemo(() => {
    const m = new Map<string, { stage: string; actions: string[]; label: string }>();
    for (const a of personSteps) {
      const d = descriptors.get(a.type);
      const stageInput = d?.inputs.find((i) => i.uiHint === 'stage-picker');
      const stage = stageInput ? String(literalOf(a, stageInput) ?? '') : '';
      if (!stage || m.has(stage)) continue;
      const actionsInput = d?.inputs.find((i) => i.uiHint === 'actions-picker');
      // Steps without an actions input (scoring, committee vote) accept any action of the vocabulary the simulator knows.
      const actions = actionsInput ? ((literalOf(a, actionsInput) as string[]) ?? []) : Object.keys(vocab.actions);
      m.set(stage, { stage, actions: Array.isArray(actions) ? actions : [], label: labelOf(a, d?.displayName) });
    }
    return [...m.values()];
  }, [personSteps, descriptors, vocab]);

  async function run() {
    setError(null);
    let applicant: unknown;
    let history: unknown;
    try {
      applicant = JSON.parse(applicantText);
      history = JSON.parse(historyText || '[]');
    } catch (e) {
      setError(t('申报人或申报历史不是有效的 JSON：{message}', { message: (e as Error).message }));
      return;
    }
    const answerMap: Record<string, unknown> = {};
    for (const [stage, a] of Object.entries(answers)) {
      if (!a.action) continue;
      answerMap[stage] = a.action === 'vote' ? { action: 'vote', data: { for: a.for ?? 0, against: a.against ?? 0, abstain: a.abstain ?? 0 } } : { action: a.action };
    }
    setBusy(true);
    try {
      const workflow = await ensureSaved();
      if (!workflow) return;
      const r = await write(() => api.post<SimulationResult>('/api/simulate', {
        workflow,
        startDate,
        applicant,
        history,
        answers: answerMap,
        defaultAction,
      }));
      onResult(r);
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) setError(e.errors.map((x) => localMessage(x.message, locale)).join('；'));
      else setError(t('模拟失败：{message}', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="simulate">
      <div className="simulate-case">
        <div className="row-2">
          <label className="field-label">
            {t('开始日期')}
            <DateInput value={startDate} onChange={setStartDate} />
          </label>
          <label className="field-label">
            {t('其余步骤默认动作')}
            <select value={defaultAction} onChange={(e) => setDefaultAction(e.target.value)}>
              {['approve', 'pass', 'no-objection', 'reject', 'return'].map((a) => (
                <option key={a} value={a}>
                  {labels.action(a)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field-label">
          {t('申报人')}
          <textarea className="code" rows={7} value={applicantText} onChange={(e) => setApplicantText(e.target.value)} spellCheck={false} />
        </label>
        <label className="field-label">
          {t('以往申报（history）')}
          <textarea className="code" rows={2} value={historyText} onChange={(e) => setHistoryText(e.target.value)} spellCheck={false} />
        </label>
      </div>
      <div className="simulate-answers">
        <div className="field-label">{t('各阶段的办理结果')}</div>
        <table className="table compact">
          <tbody>
            {stages.map((s) => {
              const a = answers[s.stage] ?? { action: '' };
              return (
                <tr key={s.stage}>
                  <td>
                    <Badge tone="accent">{labels.stage(s.stage)}</Badge> <span className="muted small">{s.label}</span>
                  </td>
                  <td>
                    <select
                      aria-label={labels.stage(s.stage)}
                      value={a.action}
                      onChange={(e) => setAnswers({ ...answers, [s.stage]: { ...a, action: e.target.value } })}
                    >
                      <option value="">{t('默认')}</option>
                      {s.actions.map((x) => (
                        <option key={x} value={x}>
                          {labels.action(x)}
                        </option>
                      ))}
                    </select>
                    {a.action === 'vote' &&
                      (['for', 'against', 'abstain'] as const).map((k) => (
                        <input
                          key={k}
                          type="number"
                          min={0}
                          className="vote-input"
                          aria-label={t(voteLabels[k])}
                          placeholder={t(voteLabels[k])}
                          value={a[k] ?? ''}
                          onChange={(e) => setAnswers({ ...answers, [s.stage]: { ...a, [k]: Number(e.target.value) } })}
                        />
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="row-actions">
          <button className="btn btn-primary btn-small" onClick={run} disabled={busy} data-testid="run-simulation">
            {busy ? t('运行中…') : `▶ ${t('运行模拟')}`}
          </button>
          {result && (
            <button className="btn btn-small btn-ghost" onClick={onClear}>
              {t('清除高亮')}
            </button>
          )}
        </div>
        {error && <div className="alert alert-error small">{error}</div>}
      </div>
      <div className="simulate-result">
        {result ? (
          <>
            <div className="sim-status">
              {t('结果')}：<Badge tone={result.status === 'Completed' ? 'ok' : result.status === 'Rejected' || result.status === 'Faulted' ? 'error' : 'warn'}>{t(statusLabels[result.status] ?? result.status)}</Badge>
              {result.granted && (
                <span className="small">
                  {' '}
                  {t('授予')}：{labels.code('series', result.granted.series)} · {labels.code('levels', result.granted.level)}
                  {result.granted.directed ? ` · ${t('定向')}` : ''}
                  {result.granted.validIn ? ` · ${labels.code('validIn', result.granted.validIn)}` : ''}
                </span>
              )}
            </div>
            <ol className="sim-path">
              {(result.path ?? []).map((s, i) => (
                <li key={i} className={s.activityId ? 'clickable' : ''} onClick={() => s.activityId && onFocus(s.activityId)}>
                  <Badge tone="accent">{labels.stage(s.stage)}</Badge> {labels.org(s.assignee?.org)}
                  {s.assignee?.role ? ` · ${labels.role(s.assignee.role)}` : ''} → <strong>{labels.action(s.action)}</strong> <span className="muted small">{s.date}</span>
                  {s.reasons?.length ? <div className="muted small">{s.reasons.map((r) => localMessage(r, locale)).join('；')}</div> : null}
                </li>
              ))}
            </ol>
            {result.errors?.map((e, i) => (
              <div key={i} className="alert alert-error small">
                {localMessage(e.message, locale)}
              </div>
            ))}
          </>
        ) : (
          <div className="muted small">{t('运行后，经过的步骤会在画布上依次高亮。')}</div>
        )}
      </div>
    </div>
  );
}

const voteLabels = { for: '赞成', against: '反对', abstain: '弃权' } as const;
const statusLabels: Record<string, string> = { Completed: '办结', Rejected: '未通过', Withdrawn: '视为放弃', Faulted: '出错', Waiting: '等待中' };
