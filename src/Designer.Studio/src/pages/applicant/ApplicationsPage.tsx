import { api } from '../../api/client';
import type { ApplicationSummary } from '../../api/types';
import { hasRole, Roles, useAuth } from '../../auth';
import { useLabels } from '../../catalog';
import { ApplicationStatus } from '../../components/status';
import { Empty, ErrorBox, PageHeader, Spinner, useAsync } from '../../components/ui';
import { formatDate, useI18n } from '../../i18n';
import { href } from '../../router';

export function ApplicationsPage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const labels = useLabels();
  const { data, error, loading, reload } = useAsync(() => api.get<ApplicationSummary[]>('/api/applications'), []);
  const applicant = hasRole(me, Roles.applicant);
  return (
    <div className="page">
      <PageHeader
        title={applicant ? t('我的申报') : t('申报')}
        actions={
          applicant && (
            <a className="btn btn-primary" href={href('/procedures')}>
              + {t('新的申报')}
            </a>
          )
        }
      />
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && (data ?? []).length === 0 && (
        <Empty>
          {t('还没有申报。')} {applicant && <a href={href('/procedures')}>{t('选择申报事项')}</a>}
        </Empty>
      )}
      {(data ?? []).length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('申报事项')}</th>
              <th>{t('申报人')}</th>
              <th>{t('状态')}</th>
              <th>{t('当前环节')}</th>
              <th>{t('更新时间')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((a) => (
              <tr key={a.id} data-application-id={a.id}>
                <td>
                  <a className="strong" href={href(a.status === 'Draft' ? `/applications/${a.id}/edit` : `/applications/${a.id}`)}>
                    {(a.workflowName as string) || a.definitionId}
                  </a>
                </td>
                <td>{(a.applicantName as string) ?? ''}</td>
                <td>
                  <ApplicationStatus status={a.status} />
                </td>
                <td>{a.currentStages.map((s) => labels.stage(s)).join('、')}</td>
                <td className="small muted">{formatDate(a.updatedAt ?? a.createdAt, locale)}</td>
                <td className="row-actions">
                  <a className="btn btn-small" href={href(a.status === 'Draft' ? `/applications/${a.id}/edit` : `/applications/${a.id}`)}>
                    {a.status === 'Draft' ? t('继续填写') : t('查看')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
