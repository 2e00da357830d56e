import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, qs } from '../api/client';
import { useWrite } from '../api/query';
import type { Application, ElsaDefinition, Paged, TimelineEntry, Vocabulary } from '../api/types';
import { useCatalog, useLabels } from '../catalog';
import { Badge } from '../components/ui';
import { useT } from '../i18n';
import { replay, type ReplayAnswer, type SimulationRun } from './api';
import { sampleApplicant } from '../designer/sampleApplicant';
import { useRegisteredUnits } from '../forms/UnitPicker';
import type { Organisation } from '../pages/organisations/types';

/** A simulation case (contract.md) for the workflow, with a sample applicant within its scope. */
function defaultCase(def: ElsaDefinition | undefined, vocab: Vocabulary, units: Organisation[] = []) {
  return {
    startDate: new Date().toISOString().slice(0, 10),
    applicant: sampleApplicant(def, vocab, units),
    history: [],
    answers: {},
    defaultAction: 'approve',
  };
}

const statusLabels: Record<string, string> = { Completed: '办结', Rejected: '未通过', Withdrawn: '视为放弃', Faulted: '出错', Waiting: '等待中' };

/**
 * Replay: one simulation case (or a saved application's data) run against both versions; the two paths side by side,
 * the first step where they part highlighted, and whether the outcome changes.
 */
export function ReplayPanel({
  definitionId,
  fromVersion,
  toVersion,
  definition,
  onFocus,
}: {
  definitionId: string;
  fromVersion?: number;
  toVersion?: number;
  definition?: ElsaDefinition;
  /** A click on a step selects its activity in both graphs. */
  onFocus?: (activityId: string) => void;
}) {
  const t = useT();
  const write = useWrite({ invalidates: false });
  const queryClient = useQueryClient();
  const { vocab } = useCatalog();
  const [mode, setMode] = useState<'case' | 'application'>('case');
  const [caseText, setCaseText] = useState(() => JSON.stringify(defaultCase(definition, vocab), null, 2));
  const units = useRegisteredUnits(definition?.customProperties?.locality);
  // Once the locality's registered units arrive, the untouched case names one of them.
  useEffect(() => {
    if (units.length === 0) return;
    const untouched = JSON.stringify(defaultCase(definition, vocab), null, 2);
    setCaseText((text) => (text === untouched ? JSON.stringify(defaultCase(definition, vocab, units), null, 2) : text));
  }, [units]); // eslint-disable-line react-hooks/exhaustive-deps
  const [applicationId, setApplicationId] = useState('');
  const [applications, setApplications] = useState<Application[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ReplayAnswer | null>(null);

  async function loadApplications() {
    if (applications) return;
    try {
      const found = await queryClient.fetchQuery({
        queryKey: ['applications', 'of', definitionId],
        queryFn: () => api.get<Paged<Application>>(`/api/applications${qs({ definitionId, pageSize: 200 })}`),
      });
      setApplications(found.items);
    } catch (e) {
      setError((e as Error).message);
      setApplications([]);
    }
  }

  async function run() {
    setError(null);
    if (!fromVersion || !toVersion) {
      setError(t('回放需要两个版本号'));
      return;
    }
    let body: Parameters<typeof replay>[0] = { definitionId, fromVersion, toVersion };
    if (mode === 'case') {
      try {
        body = { ...body, case: JSON.parse(caseText) };
      } catch (e) {
        setError(t('案例不是有效的 JSON：{message}', { message: (e as Error).message }));
        return;
      }
    } else {
      if (!applicationId) {
        setError(t('请选择一份申报'));
        return;
      }
      body = { ...body, applicationId };
    }
    setBusy(true);
    try {
      setResult(await write(() => replay(body)));
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) setError(e.errors.map((x) => x.message).join('；'));
      else setError(t('回放失败：{message}', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="replay" data-testid="replay-panel">
      <div className="replay-case">
        <div className="expr-toggle" role="group">
          <button className={mode === 'case' ? 'on' : ''} onClick={() => setMode('case')}>
            {t('模拟案例')}
          </button>
          <button
            className={mode === 'application' ? 'on' : ''}
            onClick={() => {
              setMode('application');
              void loadApplications();
            }}
          >
            {t('已有申报')}
          </button>
        </div>
        {mode === 'case' ? (
          <label className="field-label">
            {t('案例（开始日期、申报人、以往申报、各阶段办理结果）')}
            <textarea className="code" rows={11} value={caseText} onChange={(e) => setCaseText(e.target.value)} spellCheck={false} data-testid="replay-case" />
          </label>
        ) : (
          <label className="field-label">
            {t('用这份申报的数据回放')}
            <select value={applicationId} onChange={(e) => setApplicationId(e.target.value)}>
              <option value="">{applications === null ? t('加载中…') : applications.length ? t('请选择') : t('该流程还没有申报')}</option>
              {(applications ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {(a.applicantName as string) || a.id} · {a.status}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="row-actions">
          <button className="btn btn-primary btn-small" onClick={run} disabled={busy} data-testid="run-replay">
            {busy ? t('运行中…') : `▶ ${t('在两个版本上回放')}`}
          </button>
        </div>
        {error && <div className="alert alert-error small">{error}</div>}
      </div>
      <div className="replay-result">
        {result ? (
          <ReplayResult result={result} fromVersion={fromVersion} toVersion={toVersion} onFocus={onFocus} />
        ) : (
          <div className="muted small">{t('同一案例在两个版本上各运行一次，并排显示办理路径，标出第一处不同。')}</div>
        )}
      </div>
    </div>
  );
}

function ReplayResult({ result, fromVersion, toVersion, onFocus }: { result: ReplayAnswer; fromVersion?: number; toVersion?: number; onFocus?: (id: string) => void }) {
  const t = useT();
  const d = result.divergence;
  return (
    <>
      <div className={`alert ${result.outcomeChanged ? 'alert-warn' : d ? 'alert-info' : 'alert-ok'} small`} data-testid="replay-summary">
        <strong>
          {d ? t('第 {n} 步起路径不同', { n: d.index + 1 }) : t('两个版本的办理路径相同')}
          {result.outcomeChanged
            ? `；${t('结果由“{a}”变为“{b}”', { a: t(statusLabels[result.from.status] ?? result.from.status), b: t(statusLabels[result.to.status] ?? result.to.status) })}`
            : `；${t('结果不变')}`}
        </strong>
        {result.summary && <div className="muted">{result.summary}</div>}
      </div>
      <div className="replay-paths">
        <PathColumn title={t('第 {v} 版', { v: fromVersion ?? '?' })} run={result.from} divergence={d?.index} onFocus={onFocus} />
        <PathColumn title={t('第 {v} 版', { v: toVersion ?? '?' })} run={result.to} divergence={d?.index} onFocus={onFocus} />
      </div>
    </>
  );
}

function PathColumn({ title, run, divergence, onFocus }: { title: string; run: SimulationRun; divergence?: number; onFocus?: (id: string) => void }) {
  const t = useT();
  const labels = useLabels();
  const steps = useMemo(() => run.path ?? [], [run]);
  const tone = run.status === 'Completed' ? 'ok' : run.status === 'Rejected' || run.status === 'Faulted' ? 'error' : 'warn';
  return (
    <div className="replay-path">
      <div className="replay-path-head">
        <strong>{title}</strong> <Badge tone={tone}>{t(statusLabels[run.status] ?? run.status)}</Badge>
        {run.granted && (
          <span className="small muted">
            {' '}
            {t('授予')}：{labels.code('series', run.granted.series)} · {labels.code('levels', run.granted.level)}
          </span>
        )}
      </div>
      <ol className="sim-path">
        {steps.map((s: TimelineEntry, i) => (
          <li
            key={i}
            className={`${divergence === undefined ? '' : i === divergence ? 'is-divergence' : i > divergence ? 'after-divergence' : ''}${s.activityId && onFocus ? ' clickable' : ''}`}
            onClick={() => s.activityId && onFocus?.(s.activityId)}
          >
            <Badge tone="accent">{labels.stage(s.stage)}</Badge> {labels.org(s.assignee?.org)}
            {s.assignee?.role ? ` · ${labels.role(s.assignee.role)}` : ''} → <strong>{labels.action(s.action)}</strong> <span className="muted small">{s.date}</span>
          </li>
        ))}
        {divergence !== undefined && divergence >= steps.length && <li className="is-divergence muted">{t('（结束）')}</li>}
      </ol>
      {run.errors?.map((e, i) => (
        <div key={i} className="alert alert-error small">
          {e.path ? <code>{e.path}</code> : null} {e.message}
        </div>
      ))}
    </div>
  );
}
