import { useState } from 'react';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/query';
import type { Paged } from '../../api/types';
import { useCatalog, useLabels, type CodeKind } from '../../catalog';
import { useI18n } from '../../i18n';
import type { Organisation } from '../organisations/types';

const pageSize = 50;

function unitsOf(locality: string, q: string, size: number) {
  const query = new URLSearchParams({ locality, pageSize: String(size) });
  if (q) query.set('q', q);
  return api.get<Paged<Organisation>>(`/api/organisations/units?${query}`);
}

/**
 * The 用户 page's unit field: one of the user's locality's registered active units, searched by name, each shown with its county and
 * employment type; the user keeps the unit's full name (as applications name it). A locality that registers no unit
 * yet keeps a text field, as the server then takes the unit as typed.
 */
export function UnitChooser({ id, locality, value, onChange }: { id: string; locality: string; value: string; onChange: (unit: string) => void }) {
  const { t } = useI18n();
  const { vocab } = useCatalog();
  const labels = useLabels();
  const [q, setQ] = useState('');
  const code = locality.trim();
  const registry = useApiQuery(['registered-units', code, 'any'], () => unitsOf(code, '', 1), { enabled: code.length > 0 });
  const found = useApiQuery(['registered-units', code, q], () => unitsOf(code, q.trim(), pageSize), { enabled: (registry.data?.total ?? 0) > 0 });

  if (code.length === 0 || registry.data?.total === 0)
    return <input id={id} value={value} onChange={(e) => onChange(e.target.value)} placeholder={t('本地区尚未登记用人单位，请填写单位全称')} />;

  const units = found.data?.items ?? [];
  const chosen = units.find((u) => u.name === value);
  const county = (u: Organisation) => (u.county ? vocab.counties?.[u.locality]?.[u.county] ?? u.county : t('州（地区）级'));
  const employment = (u: Organisation) => (u.employmentType ? labels.code('employmentTypes' as CodeKind, u.employmentType) : t('不限人员类别'));
  const describe = (u: Organisation) => `${u.name}（${county(u)} · ${employment(u)}）`;
  return (
    <div className="unit-chooser">
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('按名称搜索本地区已登记的单位')}
        aria-label={t('搜索单位')}
        aria-controls={id}
      />
      <select id={id} value={value} disabled={!found.data} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('不指定单位')}</option>
        {value && !chosen && <option value={value}>{t('{name}（当前，不在搜索结果中或未登记）', { name: value })}</option>}
        {units.map((u) => (
          <option key={u.id} value={u.name}>
            {describe(u)}
          </option>
        ))}
      </select>
      {found.data && found.data.total > units.length && (
        <div className="field-hint">{t('共 {n} 个单位，仅列出前 {shown} 个，请输入名称缩小范围', { n: found.data.total, shown: units.length })}</div>
      )}
      {found.data && units.length === 0 && <div className="field-hint">{t('没有名称包含“{q}”的在用单位', { q })}</div>}
      {chosen && (
        <div className="field-hint" data-testid="unit-chosen">
          {t('所在县：{county}；人员类别：{employment}', { county: county(chosen), employment: employment(chosen) })}
        </div>
      )}
    </div>
  );
}
