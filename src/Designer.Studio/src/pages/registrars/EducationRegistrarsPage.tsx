import { useState } from 'react';
import { api, qs } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { hasRole, Roles, useAuth } from '../../auth';
import { useLabels } from '../../catalog';
import { ActiveSelect, LocalitySelect, RegistryList, useRegistryFilter } from '../../components/RegistryList';
import { Badge, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n';
import type { Paged } from '../committees/types';
import { EducationRegistrarEditor } from './EducationRegistrarEditor';
import { categoryLabels, registrarLabels, staffLabels, type EducationRegistrar } from './types';

const pageSize = 50;

/**
 * 继续教育登记机构: who registers and verifies which category of continuing-education hours in each locality. The
 * policy admin adds, edits and disables entries; a locality admin reads their own locality's, the auditor all.
 */
export function EducationRegistrarsPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const { me } = useAuth();
  const policyAdmin = hasRole(me, Roles.policyAdmin);
  const seesAll = policyAdmin || hasRole(me, Roles.auditor);
  const { filter, set, page, setPage } = useRegistryFilter({ locality: '', category: '', active: '' });
  const [editing, setEditing] = useState<Partial<EducationRegistrar> | null>(null);
  const query = useApiQuery(['education-registrars', filter, page], () =>
    api.get<Paged<EducationRegistrar>>(`/api/education-registrars${qs({ ...filter, page, pageSize })}`),
  );
  return (
    <div className="page">
      <PageHeader
        title={t('继续教育登记机构')}
        subtitle={t('各地区由谁登记审核公需科目、专业科目学时（企业人员可单列）；未列出的地区由本地区人社部门审核人员登记审核两类学时，总学时审验由人社部门办理')}
        actions={
          policyAdmin && (
            <button className="btn btn-primary" onClick={() => setEditing({ locality: filter.locality })}>
              + {t('新增登记机构')}
            </button>
          )
        }
      />
      <RegistryList
        toolbar={
          <>
            {seesAll && <LocalitySelect value={filter.locality} onChange={(v) => set('locality', v)} />}
            <select aria-label={t('学时类别')} value={filter.category} onChange={(e) => set('category', e.target.value)}>
              <option value="">{t('全部类别')}</option>
              {Object.entries(categoryLabels).map(([code, label]) => (
                <option key={code} value={code}>
                  {t(label)}
                </option>
              ))}
            </select>
            <ActiveSelect value={filter.active} onChange={(v) => set('active', v)} />
          </>
        }
        query={query}
        empty={t('没有符合条件的登记机构')}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        counted={(n) => t('共 {n} 条', { n })}
      >
        {(items) => (
          <table className="table" aria-label={t('继续教育登记机构')}>
            <thead>
              <tr>
                <th>{t('地区')}</th>
                <th>{t('学时类别')}</th>
                <th>{t('适用人员')}</th>
                <th>{t('登记审核机构')}</th>
                <th>{t('审验')}</th>
                <th>{t('审核内容')}</th>
                <th>{t('依据')}</th>
                <th>{t('状态')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{labels.locality(r.locality)}</td>
                  <td>{t(categoryLabels[r.category] ?? r.category)}</td>
                  <td>{t(staffLabels[r.staff] ?? r.staff)}</td>
                  <td>{t(registrarLabels[r.registrar] ?? r.registrar)}</td>
                  <td>{r.verifies ? <Badge tone="ok">{t('审验')}</Badge> : <span className="muted">{t('只登记')}</span>}</td>
                  <td>{r.checks || '—'}</td>
                  <td className="small muted">{r.source || '—'}</td>
                  <td>{r.active === false ? <Badge>{t('停用')}</Badge> : <Badge tone="ok">{t('启用')}</Badge>}</td>
                  <td className="row-actions">
                    {policyAdmin && (
                      <button
                        className="btn btn-small"
                        aria-label={t('编辑 {name}', { name: `${labels.locality(r.locality)} ${t(categoryLabels[r.category] ?? r.category)} ${t(registrarLabels[r.registrar] ?? r.registrar)}` })}
                        onClick={() => setEditing(r)}
                      >
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
      {editing && <EducationRegistrarEditor registrar={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
