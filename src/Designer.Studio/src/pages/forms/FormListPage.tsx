import { useState } from 'react';
import { Link } from 'react-router';
import { listForms } from '../../api/forms';
import { Badge, Empty, ErrorBox, Field, Modal, PageHeader, Spinner } from '../../components/ui';
import { formatDate, useI18n } from '../../i18n';
import { navigate } from '../../router';
import { useApiQuery } from '../../api/query';

export function FormListPage() {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['forms'], listForms);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const rows = (data ?? []).filter((f) => !query || `${f.formId} ${f.title ?? ''}`.toLowerCase().includes(query.toLowerCase()));
  return (
    <div className="page">
      <PageHeader
        title={t('表单')}
        subtitle={t('申报表和各步骤的办理表单（JSON Schema），申报人和审核人看到的表单由此生成')}
        actions={
          <button className="btn btn-primary" onClick={() => setCreating(true)}>
            + {t('新建表单')}
          </button>
        }
      />
      <div className="filters">
        <input type="search" placeholder={t('搜索表单…')} value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('搜索表单')} />
        <span className="muted small">{t('共 {n} 个表单', { n: rows.length })}</span>
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && rows.length === 0 && <Empty>{t('没有表单')}</Empty>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('表单')}</th>
              <th>{t('版本')}</th>
              <th>{t('状态')}</th>
              <th>{t('最后修改')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.formId} data-form-id={f.formId}>
                <td>
                  <Link className="strong" to={`/forms/${f.formId.split('/').map(encodeURIComponent).join('/')}`}>
                    {f.title || f.formId}
                  </Link>
                  <div className="muted small">
                    <code>{f.formId}</code>
                  </div>
                </td>
                <td>{f.latestVersion ? `v${f.latestVersion}` : ''}</td>
                <td>{f.publishedVersion == null ? <Badge tone="warn">{t('草稿')}</Badge> : <Badge tone="ok">{t('已发布')}</Badge>}</td>
                <td className="small">
                  {f.updatedBy ?? ''} <span className="muted">{formatDate(f.updatedAt, locale)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <NewFormDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function NewFormDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [formId, setFormId] = useState('');
  const valid = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/.test(formId);
  return (
    <Modal
      title={t('新建表单')}
      onClose={onClose}
      footer={
        <button className="btn btn-primary" disabled={!valid} onClick={() => navigate(`/forms/${formId}?new=1`)}>
          {t('开始设计')}
        </button>
      }
    >
      <Field label={t('表单标识')} hint={t('小写英文、数字、连字符，可用 / 分地区，如 地区代码/defence')} error={formId && !valid ? t('标识格式不正确') : undefined} htmlFor="new-form-id">
        <input id="new-form-id" value={formId} onChange={(e) => setFormId(e.target.value.trim())} autoFocus />
      </Field>
    </Modal>
  );
}
