import { api } from '../../api/client';
import { useApiQuery } from '../../api/query';
import type { Paged } from '../../api/types';
import { useCatalog, useLabels } from '../../catalog';
import { useI18n } from '../../i18n';
import type { Organisation } from '../organisations/types';

/**
 * The 机构 field of the 用户 page: typed or chosen among the registered departments and enterprise committees of the
 * locality (by name), the unit placeholder and the county bureaus of each department; the chosen one is named below.
 */
export function OrgChooser({ id, locality, value, onChange }: { id: string; locality: string; value: string; onChange: (org: string) => void }) {
  const { t } = useI18n();
  const { vocab } = useCatalog();
  const labels = useLabels();
  const code = locality.trim();
  const registered = useApiQuery(['user-org-options', code], async () => {
    const kinds = ['department', 'enterprise-committee'];
    const pages = await Promise.all(kinds.map((kind) => api.get<Paged<Organisation>>(`/api/organisations?${new URLSearchParams({ locality: code, kind, active: 'true', pageSize: '200' })}`)));
    return pages.flatMap((p) => p.items);
  }, { enabled: code.length > 0 });
  const organisations = registered.data ?? [];
  const placeholders = [
    { value: 'unit', label: labels.org('unit') },
    ...Object.keys(vocab.departments).map((department) => ({ value: `county/${department}`, label: labels.org(`county/${department}`) })),
  ];
  const chosen = organisations.find((o) => o.id === value.trim())?.name ?? (placeholders.some((p) => p.value === value.trim()) ? labels.org(value.trim()) : '');
  const listId = `${id}-options`;
  return (
    <>
      <input id={id} list={listId} value={value} onChange={(e) => onChange(e.target.value)} placeholder={t('选择或输入机构')} />
      <datalist id={listId}>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
        {placeholders.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </datalist>
      {value.trim() && (
        <div className="field-hint" data-testid="org-chosen">
          {chosen ? t('机构：{name}', { name: chosen }) : t('“{org}”不是本地区已登记的机构', { org: value.trim() })}
        </div>
      )}
    </>
  );
}
