import { memo } from 'react';
import type { ElsaDefinition, ElsaVariable } from '../api/types';
import { Field } from '../components/ui';
import { useCatalog } from '../catalog';
import { useI18n } from '../i18n';
import { useDesignerView } from './context';
import { CodeListPicker } from './editors';
import { newId } from './model';

/** The workflow's own properties, shown when nothing is selected: name, description, scope, variables. */
function WorkflowPanelView({ definition, onChange }: { definition: ElsaDefinition; onChange: (update: (d: ElsaDefinition) => ElsaDefinition, key: string) => void }) {
  const { t } = useI18n();
  const { labels, readOnly } = useDesignerView();
  const { vocab } = useCatalog();
  const cp = definition.customProperties ?? {};
  const scope = cp.scope ?? {};
  const setScope = (key: string, value: string[]) =>
    onChange((d) => ({ ...d, customProperties: { ...(d.customProperties ?? {}), scope: { ...((d.customProperties ?? {}).scope ?? {}), [key]: value } } }), `scope.${key}`);
  const vars: ElsaVariable[] = definition.variables ?? [];
  const setVars = (v: ElsaVariable[]) => onChange((d) => ({ ...d, variables: v }), 'variables');
  return (
    <div className="props">
      <div className="props-head">
        <div className="props-type">{t('流程属性')}</div>
        <div className="muted small">{t('未选中活动时显示流程本身的属性。')}</div>
      </div>
      <section className="props-section">
        <Field label={t('流程名称')} htmlFor="wf-name">
          <input id="wf-name" value={definition.name ?? ''} readOnly={readOnly} onChange={(e) => onChange((d) => ({ ...d, name: e.target.value }), 'name')} />
        </Field>
        <Field label={t('说明')} htmlFor="wf-desc">
          <textarea id="wf-desc" rows={4} value={definition.description ?? ''} readOnly={readOnly} onChange={(e) => onChange((d) => ({ ...d, description: e.target.value }), 'description')} />
        </Field>
        <div className="muted small">
          {t('所属地区')}：{labels.locality(cp.locality) || '—'} · <code>{definition.definitionId}</code>
        </div>
      </section>
      <section className="props-section">
        <h3>{t('适用范围')}</h3>
        <div className="field-hint">{t('申报人选择办事事项时，按申报类型、系列、层级匹配本流程；不选表示不限。')}</div>
        {(['kinds', 'series', 'levels', 'employmentTypes'] as const).map((key) => (
          <Field key={key} label={t(scopeTitles[key])}>
            <CodeListPicker
              id={`scope-${key}`}
              value={Array.isArray(scope[key]) ? scope[key] : []}
              options={Object.keys(vocab[key]).map((c) => ({ value: c, label: labels.code(key, c) }))}
              onChange={(v) => setScope(key, v)}
              readOnly={readOnly}
            />
          </Field>
        ))}
      </section>
      <section className="props-section">
        <h3>{t('流程变量')}</h3>
        {vars.map((v, i) => (
          <div key={v.id ?? i} className="var-row">
            <input value={v.name} placeholder={t('名称')} readOnly={readOnly} onChange={(e) => setVars(vars.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} aria-label={t('变量名称')} />
            <select value={v.typeName ?? 'Object'} disabled={readOnly} onChange={(e) => setVars(vars.map((x, j) => (j === i ? { ...x, typeName: e.target.value } : x)))} aria-label={t('类型')}>
              {['String', 'Int32', 'Double', 'Boolean', 'Object', 'String[]'].map((tn) => (
                <option key={tn}>{tn}</option>
              ))}
            </select>
            {!readOnly && (
              <button className="icon-btn" title={t('删除')} onClick={() => setVars(vars.filter((_, j) => j !== i))}>
                ×
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button className="btn btn-small" onClick={() => setVars([...vars, { id: newId(), name: `variable${vars.length + 1}`, typeName: 'Object', isArray: false, value: '' }])}>
            + {t('添加变量')}
          </button>
        )}
      </section>
    </div>
  );
}

const scopeTitles: Record<string, string> = { kinds: '申报类型', series: '系列', levels: '层级', employmentTypes: '人员类别' };

export const WorkflowPanel = memo(WorkflowPanelView);
