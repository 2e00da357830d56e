import { useState } from 'react';
import { api, idPath } from '../../api/client';
import { useFieldWrite } from '../../api/useFieldWrite';
import { useCatalog, useLabels, type CodeKind } from '../../catalog';
import { Field, Modal, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { kindLabels, organisationId, type Organisation, type OrganisationKind } from './types';

/**
 * Creates or edits one organisation. A new one is described by pickers (locality, level, county, department) and a
 * short code for units and enterprise committees; the id is made from them. The kind and id never change.
 */
export function OrganisationEditor({ organisation, lockedLocality, onClose }: { organisation: Partial<Organisation>; lockedLocality?: string; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const toast = useToast();
  const isNew = !organisation.id;
  const [value, setValue] = useState<Partial<Organisation>>({ active: true, ...organisation, locality: lockedLocality ?? organisation.locality ?? '' });
  const [level, setLevel] = useState<'prefecture' | 'county'>('prefecture');
  const [department, setDepartment] = useState('');
  const [slug, setSlug] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useFieldWrite(setErrors);
  const set = (k: keyof Organisation, v: unknown) => setValue({ ...value, [k]: v });
  const kind = (value.kind ?? 'unit') as OrganisationKind;
  const locality = value.locality ?? '';
  const counties = Object.entries(vocab.counties?.[locality] ?? {});
  const needsCounty = kind === 'unit' || (kind === 'department' && level === 'county');
  const id = isNew
    ? organisationId(kind, locality, { county: kind === 'department' && level === 'county' ? value.county ?? '' : undefined, department, slug })
    : organisation.id!;

  async function save() {
    const body = {
      ...value,
      id,
      county: needsCounty || kind === 'enterprise-committee' ? value.county || null : null,
      quota: value.quota === undefined || value.quota === null || (value.quota as unknown) === '' ? null : Number(value.quota),
    };
    if (!(await submit(() => (isNew ? api.post('/api/organisations', body) : api.put(`/api/organisations/${idPath(id)}`, body))))) return;
    toast(t('已保存'), 'ok');
    onClose();
  }

  return (
    <Modal title={isNew ? t('新增机构') : t('编辑机构')} onClose={onClose}>
      <Field label={t('机构类型')} required error={errors['$.kind']} htmlFor="org-kind">
        <select id="org-kind" value={kind} disabled={!isNew} onChange={(e) => set('kind', e.target.value)}>
          {Object.entries(kindLabels).map(([k, label]) => (
            <option key={k} value={k}>
              {t(label)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('地区')} required error={errors['$.locality']} htmlFor="org-locality">
        <select id="org-locality" value={locality} disabled={!isNew || !!lockedLocality} onChange={(e) => setValue({ ...value, locality: e.target.value, county: null })}>
          <option value="">{t('请选择')}</option>
          {Object.keys(vocab.localities).map((l) => (
            <option key={l} value={l}>
              {labels.locality(l)}
            </option>
          ))}
        </select>
      </Field>
      {isNew && kind === 'department' && (
        <>
          <Field label={t('层级')} htmlFor="org-level">
            <select id="org-level" value={level} onChange={(e) => setLevel(e.target.value as 'prefecture' | 'county')}>
              <option value="prefecture">{t('州（地区）级')}</option>
              <option value="county">{t('县级')}</option>
            </select>
          </Field>
          <Field label={t('部门')} required error={errors['$.id']} htmlFor="org-department">
            <select id="org-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">{t('请选择')}</option>
              {Object.keys(vocab.departments).map((d) => (
                <option key={d} value={d}>
                  {labels.department(d)}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      {isNew && kind !== 'department' && (
        <Field label={t('代码')} required hint={t('小写英文字母、数字或连字符，如 wensu-no1-school')} error={errors['$.id']} htmlFor="org-slug">
          <input id="org-slug" value={slug} onChange={(e) => setSlug(e.target.value.trim())} />
        </Field>
      )}
      <Field label={t('名称')} required error={errors['$.name']} htmlFor="org-name">
        <input id="org-name" value={value.name ?? ''} onChange={(e) => set('name', e.target.value)} />
      </Field>
      {(needsCounty || kind === 'enterprise-committee') && (
        <Field label={t('所在县（市、区）')} required={needsCounty} error={errors['$.county']} htmlFor="org-county">
          <select id="org-county" value={value.county ?? ''} disabled={!isNew && kind === 'department'} onChange={(e) => set('county', e.target.value)}>
            <option value="">{counties.length ? t('请选择') : t('该地区尚未登记县（市、区）')}</option>
            {counties.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {kind !== 'department' && (
        <Field label={t('人员类别')} error={errors['$.employmentType']} htmlFor="org-employment">
          <select id="org-employment" value={value.employmentType ?? ''} onChange={(e) => set('employmentType', e.target.value || null)}>
            <option value="">{t('不限')}</option>
            {Object.keys(vocab.employmentTypes).map((c) => (
              <option key={c} value={c}>
                {labels.code('employmentTypes' as CodeKind, c)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {kind === 'unit' && (
        <>
          <Field label={t('岗位职数')} hint={t('本单位可推荐的职数，不限则留空')} error={errors['$.quota']} htmlFor="org-quota">
            <input id="org-quota" type="number" min={0} value={value.quota ?? ''} onChange={(e) => set('quota', e.target.value === '' ? null : Number(e.target.value))} />
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={!!value.autonomousEvaluation} onChange={(e) => set('autonomousEvaluation', e.target.checked)} /> {t('经人社部门批准开展自主评审')}
          </label>
          {value.autonomousEvaluation && (
            <Field label={t('批复文号')} required error={errors['$.autonomousEvaluationReference']} htmlFor="org-reference">
              <input id="org-reference" value={value.autonomousEvaluationReference ?? ''} onChange={(e) => set('autonomousEvaluationReference', e.target.value)} />
            </Field>
          )}
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={value.active !== false} onChange={(e) => set('active', e.target.checked)} /> {t('启用（停用后不再供申报选择）')}
      </label>
      {isNew && (
        <p className="small muted">
          {t('机构标识')}：<code>{id}</code>
        </p>
      )}
      <div className="row-actions">
        <button className="btn btn-primary" disabled={submit.pending} onClick={save}>
          {t('保存')}
        </button>
        <button className="btn" onClick={onClose}>
          {t('取消')}
        </button>
      </div>
    </Modal>
  );
}
