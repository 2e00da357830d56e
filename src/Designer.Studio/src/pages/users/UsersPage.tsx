import { useState, type FormEvent } from 'react';
import { api, ApiError, postFile, qs } from '../../api/client';
import { useApiQuery, useWrite } from '../../api/query';
import type { ImportResult, ResetPasswordResult, UserPage, UserView } from '../../api/types';
import { hasRole, Roles, useAuth } from '../../auth';
import { useCatalog, useLabels } from '../../catalog';
import { Badge, Empty, ErrorBox, Field, Modal, PageHeader, Spinner, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { OrgChooser } from './OrgChooser';
import { UnitChooser } from './UnitChooser';

const roleNames: Record<string, string> = {
  'policy-admin': '政策管理员',
  'locality-admin': '地区管理员',
  applicant: '申报人',
  reviewer: '审核人',
  auditor: '审计员',
};

/** 用户: people of the admin's reach (all for the policy admin, their locality for a locality admin). */
export function UsersPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const labels = useLabels();
  const toast = useToast();
  const write = useWrite();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [importReport, setImportReport] = useState<{ result?: ImportResult; rejected?: { row: number; message: string }[] } | null>(null);
  const [issued, setIssued] = useState<ResetPasswordResult | null>(null);
  const list = useApiQuery(['users', q, role, page], () => api.get<UserPage>(`/api/users${qs({ q, role, page, pageSize: 50 })}`));
  const policyAdmin = hasRole(me, Roles.policyAdmin);

  async function toggle(user: UserView) {
    try {
      await write(() => api.put(`/api/users/${encodeURIComponent(user.userName)}`, { disabled: !user.disabled }));
      toast(user.disabled ? t('已启用 {name}', { name: user.userName }) : t('已停用 {name}，其登录已全部退出', { name: user.userName }), 'ok');
    } catch (err) {
      toast((err as Error).message, 'error');
    }
  }

  async function reset(user: UserView) {
    if (!window.confirm(t('重置 {name} 的密码？其登录将全部退出，下次登录须修改密码。', { name: user.userName }))) return;
    try {
      setIssued(await write(() => api.post<ResetPasswordResult>(`/api/users/${encodeURIComponent(user.userName)}/reset-password`, {})));
    } catch (err) {
      toast((err as Error).message, 'error');
    }
  }

  async function upload(file: File) {
    const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    try {
      const result = await write(() => postFile<ImportResult>('/api/users/import', file, type));
      setImportReport({ result });
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.body?.rejected)) setImportReport({ rejected: err.body.rejected });
      else toast((err as Error).message, 'error');
    }
  }

  const data = list.data;
  return (
    <div className="page">
      <PageHeader
        title={t('用户')}
        subtitle={policyAdmin ? t('全部地区的用户') : t('本地区的用户')}
        actions={
          <>
            <label className="btn">
              {t('导入 CSV / Excel')}
              <input
                type="file"
                accept=".csv,.xlsx,text/csv"
                hidden
                data-testid="user-import"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void upload(file);
                }}
              />
            </label>
            <button className="btn btn-primary" onClick={() => setEditing('new')}>
              {t('新建用户')}
            </button>
          </>
        }
      />
      <div className="filters">
        <label>
          {t('搜索')}
          <input
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
            placeholder={t('用户名或姓名')}
            aria-label={t('搜索')}
          />
        </label>
        <label>
          {t('角色')}
          <select value={role} onChange={(e) => setRole(e.target.value)} aria-label={t('角色')}>
            <option value="">{t('全部角色')}</option>
            {Object.entries(roleNames).map(([code, name]) => (
              <option key={code} value={code}>
                {t(name)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">{t('共 {n} 项', { n: data?.total ?? 0 })}</span>
      </div>
      {importReport && (
        <div className={`alert ${importReport.result ? 'alert-ok' : 'alert-error'}`} role="status" data-testid="import-report">
          {importReport.result ? (
            <>
              {t('已导入 {n} 个用户', { n: importReport.result.imported })}
              {importReport.result.temporaryPasswords.length > 0 && (
                <ul>
                  {importReport.result.temporaryPasswords.map((p) => (
                    <li key={p.userName}>
                      {p.userName}: <code>{p.password}</code> {t('（临时密码，仅显示一次）')}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <>
              {t('导入未通过，未导入任何用户：')}
              <ul>
                {importReport.rejected!.map((r, i) => (
                  <li key={i}>
                    {t('第 {row} 行', { row: r.row })}：{r.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button className="btn btn-small btn-ghost" onClick={() => setImportReport(null)}>
            {t('关闭')}
          </button>
        </div>
      )}
      {list.loading && <Spinner />}
      <ErrorBox error={list.error} onRetry={list.reload} />
      {data && data.items.length === 0 && <Empty>{t('没有用户')}</Empty>}
      {data && data.items.length > 0 && (
        <table className="table users-table">
          <thead>
            <tr>
              <th>{t('用户名')}</th>
              <th>{t('姓名')}</th>
              <th>{t('角色')}</th>
              <th>{t('地区')}</th>
              <th>{t('机构')}</th>
              <th>{t('任务角色')}</th>
              <th>{t('状态')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.items.map((u) => (
              <tr key={u.userName} data-user={u.userName}>
                <td className="strong">{u.userName}</td>
                <td>{u.displayName}</td>
                <td>{u.roles.map((r) => t(roleNames[r] ?? r)).join('、')}</td>
                <td>{u.locality ? labels.locality(u.locality) : t('全部地区')}</td>
                <td className="small">{u.org ? labels.org(u.org) : ''}</td>
                <td className="small">{u.taskRoles.map((r) => labels.role(r)).join('、') || (u.roles.includes('reviewer') ? t('无') : '')}</td>
                <td>{u.disabled ? <Badge tone="error">{t('已停用')}</Badge> : <Badge tone="ok">{t('正常')}</Badge>}</td>
                <td className="row-actions">
                  <button className="btn btn-small" onClick={() => setEditing(u)}>
                    {t('编辑')}
                  </button>
                  {u.userName !== me?.userName && (
                    <>
                      <button className="btn btn-small" onClick={() => void toggle(u)}>
                        {u.disabled ? t('启用') : t('停用')}
                      </button>
                      <button className="btn btn-small" onClick={() => void reset(u)}>
                        {t('重置密码')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.total > data.pageSize && (
        <div className="filters">
          <button className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('上一页')}
          </button>
          <span className="muted small">{t('第 {page} 页', { page })}</span>
          <button className="btn btn-small" disabled={page * data.pageSize >= data.total} onClick={() => setPage(page + 1)}>
            {t('下一页')}
          </button>
        </div>
      )}
      {issued && (
        <Modal title={t('临时密码')} onClose={() => setIssued(null)}>
          <p>{t('{name} 的临时密码（仅显示一次，用户下次登录须修改）：', { name: issued.userName })}</p>
          <p>
            <code data-testid="temporary-password">{issued.temporaryPassword}</code>
          </p>
        </Modal>
      )}
      {editing && <UserEditor user={editing === 'new' ? null : editing} defaultLocality={policyAdmin ? '' : me?.locality ?? ''} onClose={() => setEditing(null)} />}
    </div>
  );
}

/** A task role a step may name for a person (the applicant's own and the system's are not given to users). */
const notGiven = new Set(['applicant', 'system']);

function UserEditor({ user, defaultLocality, onClose }: { user: UserView | null; defaultLocality: string; onClose: () => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { vocab } = useCatalog();
  const labels = useLabels();
  const policyAdmin = hasRole(me, Roles.policyAdmin);
  const toast = useToast();
  const write = useWrite();
  const [userName, setUserName] = useState(user?.userName ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(user?.roles ?? ['reviewer']);
  const [locality, setLocality] = useState(user?.locality ?? defaultLocality);
  const [org, setOrg] = useState(user?.org ?? '');
  const [taskRoles, setTaskRoles] = useState<string[]>(user?.taskRoles ?? []);
  const [unit, setUnit] = useState(user?.unit ?? '');
  const [county, setCounty] = useState(user?.county ?? '');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save(e: FormEvent) {
    e.preventDefault();
    const body = {
      displayName,
      roles,
      locality,
      org: org || null,
      taskRoles,
      unit,
      county,
      phone,
      ...(user ? {} : { userName, password }),
    };
    try {
      await write(() => (user ? api.put(`/api/users/${encodeURIComponent(user.userName)}`, body) : api.post('/api/users', body)));
      toast(user ? t('已保存') : t('已创建用户 {name}', { name: userName }), 'ok');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(Object.fromEntries(err.errors.map((x) => [(x.path ?? '').replace('$.', '').replace(/\[\d+\]$/, ''), x.message])));
      else toast((err as Error).message, 'error');
    }
  }

  return (
    <Modal title={user ? t('编辑用户 {name}', { name: user.userName }) : t('新建用户')} onClose={onClose} wide>
      <form onSubmit={save} noValidate>
        {!user && (
          <>
            <Field label={t('用户名')} htmlFor="user-name" error={errors.userName} required>
              <input id="user-name" value={userName} onChange={(e) => setUserName(e.target.value)} autoFocus />
            </Field>
            <Field label={t('初始密码')} htmlFor="user-password" error={errors.password} hint={t('密码至少 8 位，须同时包含字母和数字，且不能包含用户名')} required>
              <input id="user-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </Field>
          </>
        )}
        <Field label={t('姓名')} htmlFor="user-display" error={errors.displayName} required>
          <input id="user-display" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </Field>
        <Field label={t('角色')} error={errors.roles} required>
          <div role="group" aria-label={t('角色')}>
            {Object.entries(roleNames).map(([code, name]) => (
              <label key={code} className="checkbox-inline">
                <input
                  type="checkbox"
                  checked={roles.includes(code)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, code] : roles.filter((r) => r !== code))}
                />{' '}
                {t(name)}
              </label>
            ))}
          </div>
        </Field>
        <Field label={t('地区')} htmlFor="user-locality" error={errors.locality} hint={t('政策管理员和审计员不属于任何地区')}>
          <select id="user-locality" value={locality} disabled={!policyAdmin && !!defaultLocality} onChange={(e) => setLocality(e.target.value)}>
            <option value="">{t('不属于任何地区')}</option>
            {locality && !vocab.localities[locality] && <option value={locality}>{locality}</option>}
            {Object.keys(vocab.localities).map((code) => (
              <option key={code} value={code}>
                {labels.locality(code)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('机构')} htmlFor="user-org" error={errors.org} hint={t('用人单位审核人选“申报人所在单位”，县级部门的审核人选“申报人所在县”的部门')}>
          <OrgChooser id="user-org" locality={locality} value={org} onChange={setOrg} />
        </Field>
        <Field label={t('任务角色')} error={errors.taskRoles} hint={t('不勾选表示不办理任何审核步骤')}>
          <div role="group" aria-label={t('任务角色')} data-testid="user-task-roles">
            {Object.keys(vocab.roles)
              .filter((code) => !notGiven.has(code) || taskRoles.includes(code))
              .map((code) => (
                <label key={code} className="checkbox-inline">
                  <input
                    type="checkbox"
                    checked={taskRoles.includes(code)}
                    onChange={(e) => setTaskRoles(e.target.checked ? [...taskRoles, code] : taskRoles.filter((r) => r !== code))}
                  />{' '}
                  {labels.role(code)}
                </label>
              ))}
          </div>
        </Field>
        <Field label={t('单位')} htmlFor="user-unit" error={errors.unit} hint={t('用人单位审核人或申报人的工作单位，从本地区已登记的单位中选择')}>
          <UnitChooser id="user-unit" locality={locality} value={unit} onChange={setUnit} />
        </Field>
        <Field label={t('县（市、区）')} htmlFor="user-county" error={errors.county} hint={t('县级人社审核人或申报人所在的县')}>
          <select id="user-county" value={county} onChange={(e) => setCounty(e.target.value)}>
            <option value="">{t('不指定县')}</option>
            {county && !Object.values(vocab.counties?.[locality] ?? {}).includes(county) && <option value={county}>{county}</option>}
            {Object.values(vocab.counties?.[locality] ?? {}).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('手机号')} htmlFor="user-phone" error={errors.phone}>
          <input id="user-phone" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </Field>
        {user?.idNumber && <p className="muted small">{t('身份证号：{id}', { id: user.idNumber })}</p>}
        <button className="btn btn-primary" type="submit" disabled={write.pending}>
          {user ? t('保存') : t('创建')}
        </button>
      </form>
    </Modal>
  );
}
