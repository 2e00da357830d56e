import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ElsaActivity } from '../api/types';
import { useDescriptorMap, useLabels } from '../catalog';
import { useT } from '../i18n';
import { labelOf } from '../designer/model';
import type { ActivityChange, ConnectionChange, ConnectionEnd, FieldChange, PropertyChange, WorkflowDiff } from './api';
import { aspectLabels, compactJson, definitionInput, inputOf, kindLabels, propertyLabel, ValueView } from './values';

/** What a click on a change points at: an activity (selected in both graphs) or a form field. */
export interface ChangeTarget {
  key: string;
  activityId?: string;
  formId?: string;
  field?: string;
}

interface Props {
  diff: WorkflowDiff;
  oldActivities: Map<string, ElsaActivity>;
  newActivities: Map<string, ElsaActivity>;
  showLayout: boolean;
  selectedKey?: string | null;
  onSelect?: (target: ChangeTarget) => void;
}

/**
 * The changes grouped: the workflow's own properties, activities, connections, variables, the forms field by field, and
 * layout moves apart. Old → new values in Chinese; expressions shown as code.
 */
export const ChangeList = memo(function ChangeList({ diff, oldActivities, newActivities, showLayout, selectedKey, onSelect }: Props) {
  const t = useT();
  const labels = useLabels();
  const descriptors = useDescriptorMap();
  const listRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => {
    const real: ActivityChange[] = [];
    const moved: ActivityChange[] = [];
    for (const a of diff.activities) (a.kind === 'moved' ? moved : real).push(a);
    const order: Record<string, number> = { added: 0, changed: 1, removed: 2 };
    real.sort((a, b) => (order[a.kind] ?? 3) - (order[b.kind] ?? 3));
    return { real, moved };
  }, [diff.activities]);

  // A click on a node in a graph selects its change here: bring it into view.
  useEffect(() => {
    if (!selectedKey || !listRef.current) return;
    const el = listRef.current.querySelector(`[data-key="${CSS.escape(selectedKey)}"]`);
    if (el) (el as HTMLElement).scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selectedKey]);

  const activityName = (id: string) => {
    const a = newActivities.get(id) ?? oldActivities.get(id);
    return a ? labelOf(a, descriptors.get(a.type)?.displayName) : id;
  };
  const endText = (end: ConnectionEnd | null | undefined) => (end ? activityName(end.activity) : t('（无）'));
  const select = (target: ChangeTarget) => onSelect?.(target);
  const item = (key: string, kind: string, target: ChangeTarget, testId: string, children: ReactNode) => (
    <li
      key={key}
      data-key={key}
      data-testid={testId}
      className={`change-item change-${kind}${selectedKey === key ? ' is-selected' : ''}${onSelect ? ' clickable' : ''}`}
      onClick={() => select(target)}
    >
      {children}
    </li>
  );
  const kindBadge = (kind: string) => <span className={`change-kind change-kind-${kind}`}>{t(kindLabels[kind] ?? kind)}</span>;

  const nothing =
    diff.definition.length + diff.activities.length + diff.connections.length + diff.variables.length + diff.forms.length === 0;

  return (
    <div className="change-list" ref={listRef}>
      {nothing && <div className="empty">{t('两个版本没有差异')}</div>}
      {diff.definition.length > 0 && (
        <Section title={t('流程属性')} count={diff.definition.length}>
          {diff.definition.map((p) =>
            item(`def:${p.name}`, 'changed', { key: `def:${p.name}` }, `change-definition-${p.name}`, (
              <>
                <div className="change-head">
                  {kindBadge('changed')}
                  <strong>{propertyLabel(p.name, undefined, labels, t)}</strong>
                </div>
                <OldNew p={p} input={definitionInput(p.name)} />
              </>
            )),
          )}
        </Section>
      )}
      {groups.real.length > 0 && (
        <Section title={t('活动')} count={groups.real.length}>
          {groups.real.map((a) => {
            const d = a.type ? descriptors.get(a.type) : undefined;
            const act = newActivities.get(a.activityId) ?? oldActivities.get(a.activityId);
            const name = act ? labelOf(act, d?.displayName) : a.label || a.activityId;
            const props = a.properties ?? [];
            return item(`activity:${a.activityId}`, a.kind, { key: `activity:${a.activityId}`, activityId: a.activityId }, `change-activity-${a.activityId}`, (
              <>
                <div className="change-head">
                  {kindBadge(a.kind)}
                  <strong>{name}</strong>
                  <span className="muted small">{a.type ? labels.activity(a.type) : ''}</span>
                  {a.moved && a.kind === 'changed' && showLayout && <span className="change-also-moved">{t('位置也有移动')}</span>}
                </div>
                {props.length > 0 && (
                  <dl className="change-props">
                    {props.map((p) => (
                      <div key={p.name} className="change-prop" data-property={p.name}>
                        <dt>{propertyLabel(p.name, d, labels, t)}</dt>
                        <dd>
                          <OldNew p={p} input={inputOf(d, p.name)} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </>
            ));
          })}
        </Section>
      )}
      {diff.connections.length > 0 && (
        <Section title={t('连线')} count={diff.connections.length}>
          {diff.connections.map((c: ConnectionChange, i) => {
            const key = `conn:${i}`;
            return item(key, c.kind, { key, activityId: c.source.activity }, `change-connection-${c.source.activity}-${c.source.port ?? 'Done'}`, (
              <>
                <div className="change-head">
                  {kindBadge(c.kind)}
                  <strong>{activityName(c.source.activity)}</strong>
                  <span className="change-port">{labels.port(c.source.port ?? 'Done')}</span>
                </div>
                <div className="change-oldnew">
                  {c.kind === 'added' ? (
                    <>
                      → <span className="diff-new">{endText(c.newTarget)}</span>
                    </>
                  ) : c.kind === 'removed' ? (
                    <>
                      → <span className="diff-old">{endText(c.oldTarget)}</span>
                    </>
                  ) : (
                    <>
                      → <span className="diff-old">{endText(c.oldTarget)}</span> <span className="diff-arrow">⇒</span>{' '}
                      <span className="diff-new">{endText(c.newTarget)}</span>
                    </>
                  )}
                </div>
              </>
            ));
          })}
        </Section>
      )}
      {diff.variables.length > 0 && (
        <Section title={t('流程变量')} count={diff.variables.length}>
          {diff.variables.map((v) =>
            item(`var:${v.name}`, v.kind, { key: `var:${v.name}` }, `change-variable-${v.name}`, (
              <>
                <div className="change-head">
                  {kindBadge(v.kind)}
                  <strong>
                    <code>{v.name}</code>
                  </strong>
                </div>
                <OldNew p={{ name: v.name, old: variableValue(v.old), new: variableValue(v.new) }} />
              </>
            )),
          )}
        </Section>
      )}
      {diff.forms.length > 0 && (
        <Section title={t('表单')} count={diff.forms.reduce((n, f) => n + Math.max(1, f.fields.length), 0)}>
          {diff.forms.map((f) => (
            <li key={`form:${f.formId}`} className="change-form" data-form-id={f.formId}>
              <div className="change-form-head">
                {kindBadge(f.kind)}
                <strong>{f.formId}</strong>
                {(f.oldVersion || f.newVersion) && (
                  <span className="muted small">
                    {f.oldVersion ? `v${f.oldVersion}` : '—'} → {f.newVersion ? `v${f.newVersion}` : '—'}
                  </span>
                )}
              </div>
              <ul className="change-fields">
                {f.fields.map((x, i) => {
                  const key = `field:${f.formId}:${i}`;
                  return item(key, x.kind, { key, formId: f.formId, field: x.field }, `change-field-${f.formId}-${x.field}`, <FieldChangeView change={x} />);
                })}
              </ul>
            </li>
          ))}
        </Section>
      )}
      {showLayout && groups.moved.length > 0 && (
        <Section title={t('布局（仅位置变化）')} count={groups.moved.length} muted>
          {groups.moved.map((a) => {
            const key = `activity:${a.activityId}`;
            return item(key, 'moved', { key, activityId: a.activityId }, `change-activity-${a.activityId}`, (
              <div className="change-head">
                {kindBadge('moved')}
                <strong>{activityName(a.activityId)}</strong>
                <span className="muted small">
                  {pointText(a.from)} → {pointText(a.to)}
                </span>
              </div>
            ));
          })}
        </Section>
      )}
      {!showLayout && groups.moved.length > 0 && (
        <div className="muted small change-hidden">{t('已隐藏 {n} 个仅布局变化', { n: groups.moved.length })}</div>
      )}
    </div>
  );
});

function Section({ title, count, muted, children }: { title: string; count: number; muted?: boolean; children: ReactNode }) {
  return (
    <section className={`change-section${muted ? ' change-section-muted' : ''}`}>
      <h3>
        {title} <span className="change-count">{count}</span>
      </h3>
      <ul>{children}</ul>
    </section>
  );
}

function OldNew({ p, input }: { p: PropertyChange; input?: Parameters<typeof ValueView>[0]['input'] }) {
  const t = useT();
  const labels = useLabels();
  return (
    <div className="change-oldnew">
      <span className="diff-old">
        <ValueView value={p.old} input={input} labels={labels} t={t} />
      </span>
      <span className="diff-arrow">→</span>
      <span className="diff-new">
        <ValueView value={p.new} input={input} labels={labels} t={t} />
      </span>
    </div>
  );
}

function FieldChangeView({ change }: { change: FieldChange }) {
  const t = useT();
  const aspect = change.aspect ? t(aspectLabels[change.aspect] ?? change.aspect) : '';
  return (
    <>
      <div className="change-head">
        <span className={`change-kind change-kind-${change.kind}`}>{t(kindLabels[change.kind] ?? change.kind)}</span>
        <strong>
          <code>{change.field}</code>
        </strong>
        {change.kind === 'renamed' && change.renamedTo && (
          <span>
            → <code>{change.renamedTo}</code>
          </span>
        )}
        {aspect && <span className="change-aspect">{aspect}</span>}
      </div>
      {change.kind === 'changed' && (
        <div className="change-oldnew">
          <span className="diff-old">
            <FieldValue aspect={change.aspect} value={change.old} />
          </span>
          <span className="diff-arrow">→</span>
          <span className="diff-new">
            <FieldValue aspect={change.aspect} value={change.new} />
          </span>
        </div>
      )}
      {(change.kind === 'added' || change.kind === 'removed') && (change.new ?? change.old) !== undefined && (
        <div className="change-oldnew small muted">
          <FieldSummary value={change.kind === 'added' ? change.new : change.old} />
        </div>
      )}
    </>
  );
}

function FieldValue({ aspect, value }: { aspect?: string | null; value: unknown }) {
  const t = useT();
  if (value === undefined || value === null) return <span className="diff-none">{t('（无）')}</span>;
  if (aspect === 'required' || typeof value === 'boolean') return <>{value ? t('必填') : t('选填')}</>;
  if (Array.isArray(value)) return <>{value.map((x) => (typeof x === 'object' ? compactJson(x) : String(x))).join('、')}</>;
  if (typeof value === 'object') return <code className="diff-code">{compactJson(value)}</code>;
  return <>{String(value)}</>;
}

/** An added or removed field: its title and type, when the server gives them. */
function FieldSummary({ value }: { value: unknown }) {
  const t = useT();
  if (!value || typeof value !== 'object') return <>{String(value ?? '')}</>;
  const o = value as Record<string, unknown>;
  const parts = [o.title, o.type, o.required ? t('必填') : null].filter((x) => typeof x === 'string' && x);
  return <>{parts.length ? parts.join(' · ') : compactJson(value)}</>;
}

function variableValue(v: unknown) {
  if (v && typeof v === 'object' && 'value' in (v as object)) {
    const o = v as { typeName?: string; value?: unknown };
    return o.value === undefined || o.value === null ? (o.typeName ?? null) : o.value;
  }
  return v;
}

function pointText(p?: { x: number; y: number } | null) {
  return p ? `(${Math.round(p.x)}, ${Math.round(p.y)})` : '—';
}
