import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useWrite } from '../api/query';
import type { ImpactReport, ImpactStep } from '../api/types';
import { useLabels } from '../catalog';
import { ErrorBox, Modal, Spinner } from '../components/ui';
import { useT } from '../i18n';

/**
 * 影响分析, read before publishing: every running application of the workflow replayed on this version; those whose
 * path or outcome would change come first, with the first step where the paths part. Exported as CSV.
 */
export function ImpactDialog({ definitionId, version, dirty, onClose }: { definitionId: string; version: number; dirty: boolean; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const write = useWrite({ invalidates: false });
  const [report, setReport] = useState<ImpactReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    write(() => api.post<ImpactReport>(`/api/workflows/${encodeURIComponent(definitionId)}/impact`, { toVersion: version }))
      .then(setReport)
      .catch(setError);
  }, [definitionId, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const describe = (step: ImpactStep | null | undefined) =>
    step
      ? t('{stage}（{org}，{action}，{date}）', {
          stage: labels.locale === 'en' ? labels.stage(step.stage) : step.stageName || labels.stage(step.stage),
          org: labels.org(step.org),
          action: labels.action(step.action),
          date: step.date,
        })
      : t('（结束）');
  return (
    <Modal
      wide
      title={t('发布前影响分析')}
      onClose={onClose}
      footer={
        <>
          {report && (
            <a className="btn" href={`/api/workflows/${encodeURIComponent(definitionId)}/impact.csv?toVersion=${version}`} download>
              {t('导出 CSV')}
            </a>
          )}
          <button className="btn btn-primary" onClick={onClose}>
            {t('关闭')}
          </button>
        </>
      }
    >
      {dirty && <div className="alert alert-warn">{t('分析的是已保存的第 {v} 版；未保存的修改不在其中。', { v: version })}</div>}
      {!report && !error && <Spinner label={t('正在重放办理中的申报…')} />}
      <ErrorBox error={error} />
      {report && (
        <>
          <p data-testid="impact-summary">
            {t('办理中的申报 {running} 件，按第 {v} 版办理将有 {changed} 件路径或结果改变。', { running: report.running, v: report.toVersion, changed: report.changed })}
          </p>
          {report.items.length > 0 && (
            <table className="table impact-table">
              <thead>
                <tr>
                  <th>{t('申报')}</th>
                  <th>{t('是否变化')}</th>
                  <th>{t('分歧步骤')}</th>
                  <th>{t('现行版本')}</th>
                  <th>{t('新版本')}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((row) => (
                  <tr key={row.applicationId} data-application-id={row.applicationId} data-changed={row.changed}>
                    <td>
                      <Link to={`/journal/${encodeURIComponent(row.applicationId)}`}>{row.applicantName}</Link>
                      <div className="muted small">
                        {row.applicationId} · v{row.fromVersion}
                      </div>
                    </td>
                    <td>{row.changed ? (row.outcomeChanged ? t('结果改变') : t('路径改变')) : t('不变')}</td>
                    <td>{row.divergesAtStep ? t('第 {n} 步', { n: row.divergesAtStep }) : '—'}</td>
                    <td className="small">
                      {row.changed ? describe(row.fromStep) : ''}
                      <div className="muted">{row.fromStatus}</div>
                    </td>
                    <td className="small">
                      {row.changed ? describe(row.toStep) : ''}
                      <div className="muted">{row.toStatus}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Modal>
  );
}
