import { useState } from 'react';
import { api, qs } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { hasRole, Roles, useAuth } from '../../auth';
import { useCatalog, useLabels, type CodeKind } from '../../catalog';
import { ActiveSelect, LocalitySelect, RegistryList, useRegistryFilter } from '../../components/RegistryList';
import { Badge, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n';
import type { Paged } from '../committees/types';
import { OrganisationEditor } from './OrganisationEditor';
import { kindLabels, type Organisation } from './types';

const pageSize = 50;

/**
 * 组织机构: the departments (prefecture and county level), units and enterprise committees of a locality; the policy
 * admin sees and edits every locality's, a locality admin their own, the auditor reads.
 */
export function OrganisationsPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const { me } = useAuth();
  const policyAdmin = hasRole(me, Roles.policyAdmin);
  const canWrite = policyAdmin || hasRole(me, Roles.localityAdmin);
  const seesAll = policyAdmin || hasRole(me, Roles.auditor);
  const { filter, set, page, setPage } = useRegistryFilter({ locality: seesAll ? '' : me?.locality ?? '', county: '', kind: '', active: '', q: '' });
  const [editing, setEditing] = useState<Partial<Organisation> | null>(null);
  const query = useApiQuery(['organisations', filter, page], () =>
    api.get<Paged<Organisation>>(`/api/organisations${qs({ ...filter, page, pageSize })}`),
  );
  const countyName = (o: Organisation) => (o.county ? vocab.counties?.[o.locality]?.[o.county] ?? o.county : '');
  const counties = Object.entries(vocab.counties?.[filter.locality] ?? {});
  return (
    <div className="page">
      <PageHeader
        title={t('组织机构')}
        subtitle={t('州（地区）级和县级主管部门、用人单位（所在县、人员类别、岗位职数、自主评审批复）和企业职称评审委员会；申报人从本地区已登记的用人单位中选择工作单位')}
        actions={
          canWrite && (
            <button className="btn btn-primary" onClick={() => setEditing({ kind: 'unit', locality: filter.locality || me?.locality || '' })}>
              + {t('新增机构')}
            </button>
          )
        }
      />
      <RegistryList
        toolbar={
          <>
            {seesAll && <LocalitySelect value={filter.locality} onChange={(v) => set('locality', v, { county: '' })} />}
            <select aria-label={t('县（市、区）')} value={filter.county} disabled={counties.length === 0} onChange={(e) => set('county', e.target.value)}>
              <option value="">{t('全部县（市、区）')}</option>
              {counties.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            <select aria-label={t('机构类型')} value={filter.kind} onChange={(e) => set('kind', e.target.value)}>
              <option value="">{t('全部类型')}</option>
              {Object.entries(kindLabels).map(([k, label]) => (
                <option key={k} value={k}>
                  {t(label)}
                </option>
              ))}
            </select>
            <ActiveSelect value={filter.active} onChange={(v) => set('active', v)} />
            <input aria-label={t('搜索机构')} placeholder={t('名称或标识')} value={filter.q} onChange={(e) => set('q', e.target.value)} />
          </>
        }
        query={query}
        empty={t('没有符合条件的机构')}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        counted={(n) => t('共 {n} 个机构', { n })}
      >
        {(items) => (
          <table className="table" aria-label={t('组织机构')}>
            <thead>
              <tr>
                <th>{t('名称')}</th>
                <th>{t('机构类型')}</th>
                <th>{t('地区')}</th>
                <th>{t('县（市、区）')}</th>
                <th>{t('人员类别')}</th>
                <th>{t('岗位职数')}</th>
                <th>{t('自主评审')}</th>
                <th>{t('状态')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{t(kindLabels[o.kind] ?? o.kind)}</td>
                  <td>{labels.locality(o.locality)}</td>
                  <td>{countyName(o) || '—'}</td>
                  <td>{o.employmentType ? labels.code('employmentTypes' as CodeKind, o.employmentType) : '—'}</td>
                  <td>{o.quota ?? '—'}</td>
                  <td>
                    {o.autonomousEvaluation ? (
                      <span title={o.autonomousEvaluationReference ?? ''}>
                        <Badge tone="ok">{t('已批准')}</Badge> <span className="small muted">{o.autonomousEvaluationReference}</span>
                        {o.autonomousEvaluationOn && <span className="small muted"> · {o.autonomousEvaluationOn}</span>}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{o.active === false ? <Badge>{t('停用')}</Badge> : <Badge tone="ok">{t('启用')}</Badge>}</td>
                  <td className="row-actions">
                    {canWrite && (
                      <button className="btn btn-small" aria-label={t('编辑 {name}', { name: o.name })} onClick={() => setEditing(o)}>
                        {t('编辑')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </RegistryList>
      {editing && <OrganisationEditor organisation={editing} lockedLocality={policyAdmin ? undefined : me?.locality} onClose={() => setEditing(null)} />}
    </div>
  );
}
