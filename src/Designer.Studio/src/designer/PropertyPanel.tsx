import { memo, useEffect, useMemo, useState } from 'react';
import type { ActivityDescriptor, ElsaActivity, InputDescriptor, Problem } from '../api/types';
import { Field } from '../components/ui';
import { useI18n, useT } from '../i18n';
import { useDesignerView } from './context';
import { InputEditor, type EditorContext } from './editors';
import { problemConcernsInput, readInput, writeInput } from './model';
import { localMessage } from '../i18n/localMessage';

export interface OutboundConnection {
  edgeId: string;
  port: string;
  target: string;
}

export interface PropertyPanelProps {
  activity: ElsaActivity;
  ports: string[];
  outbound: OutboundConnection[];
  targets: { id: string; label: string }[];
  onConnectPort: (source: string, port: string, target: string) => void;
  onRemoveConnection: (edgeId: string) => void;
  descriptor: ActivityDescriptor | undefined;
  problems: Problem[];
  editorContext: EditorContext;
  onChange: (id: string, update: (a: ElsaActivity) => ElsaActivity, key: string) => void;
  onOpenFlowchart?: (id: string) => void;
}

/** Properties of one activity, generated from its descriptor's inputs, grouped by the inputs' categories. */
function PropertyPanelView({ activity, descriptor, problems, editorContext, onChange, onOpenFlowchart, ports, outbound, targets, onConnectPort, onRemoveConnection }: PropertyPanelProps) {
  const t = useT();
  const { locale } = useI18n();
  const { labels } = useDesignerView();
  const ro = editorContext.readOnly;
  const groups = useMemo(() => {
    const m = new Map<string, InputDescriptor[]>();
    for (const i of descriptor?.inputs ?? []) {
      if (!m.has(i.category)) m.set(i.category, []);
      m.get(i.category)!.push(i);
    }
    return [...m.entries()];
  }, [descriptor]);
  const general = problems.filter((p) => !descriptor?.inputs.some((i) => problemConcernsInput(p, i.name)));
  const set = (key: string, update: (a: ElsaActivity) => ElsaActivity) => onChange(activity.id, update, key);

  return (
    <div className="props" data-activity-id={activity.id}>
      <div className="props-head">
        <div className="props-type">{descriptor ? labels.activity(descriptor.typeName) : activity.type}</div>
        {descriptor?.description && <div className="muted small props-desc">{labels.activityDescription(descriptor)}</div>}
      </div>
      {general.length > 0 && (
        <div className="alert alert-error small">
          {general.map((p, i) => (
            <div key={i}>{localMessage(p.message, locale)}</div>
          ))}
        </div>
      )}
      <Assumptions activity={activity} descriptor={descriptor} />
      <section className="props-section">
        <h3>{t('基本信息')}</h3>
        <Field label={t('显示名称')} htmlFor="prop-displayText">
          <input
            id="prop-displayText"
            value={activity.metadata?.displayText ?? ''}
            readOnly={ro}
            onChange={(e) => set('displayText', (a) => ({ ...a, metadata: { ...(a.metadata ?? {}), displayText: e.target.value } }))}
          />
        </Field>
        <Field label={t('名称')} hint={t('流程内唯一的英文标识，可用于脚本')} htmlFor="prop-name">
          <input id="prop-name" value={activity.name ?? ''} readOnly={ro} onChange={(e) => set('name', (a) => ({ ...a, name: e.target.value }))} />
        </Field>
        <div className="muted small">
          ID <code>{activity.id}</code> · {activity.type}
        </div>
        {activity.type === 'Elsa.Flowchart' && onOpenFlowchart && (
          <button className="btn btn-small" onClick={() => onOpenFlowchart(activity.id)}>
            {t('打开子流程图')}
          </button>
        )}
      </section>
      {!descriptor && <div className="alert alert-warn small">{t('服务器的活动目录中没有该类型，属性按原样保留。')}</div>}
      {groups.map(([category, inputs]) => (
        <section key={category} className="props-section">
          <h3>{labels.category(category)}</h3>
          {inputs.map((input) => {
            const own = problems.filter((p) => problemConcernsInput(p, input.name));
            const id = `prop-${input.name}`;
            return (
              <Field
                key={input.name}
                label={<span data-input={input.name}>{labels.input(input, descriptor?.typeName)}</span>}
                required={input.required}
                hint={labels.inputDescription(input, descriptor?.typeName) || undefined}
                error={own.length ? own.map((p) => localMessage(p.message, locale)).join('；') : undefined}
                htmlFor={id}
              >
                <InputEditor
                  id={id}
                  input={input}
                  value={readInput(activity, input.name)}
                  ctx={editorContext}
                  onChange={(type, value) => set(input.name, (a) => writeInput(a, input, type, value))}
                />
              </Field>
            );
          })}
        </section>
      ))}
      {ports.length > 0 && (
        <section className="props-section">
          <h3>{t('出口与连线')}</h3>
          <table className="ports-table">
            <tbody>
              {ports.map((port) => {
                const conns = outbound.filter((c) => c.port === port);
                return (
                  <tr key={port} data-port={port}>
                    <td className="port-name">{labels.port(port)}</td>
                    <td>
                      {conns.map((c) => (
                        <div key={c.edgeId} className="port-conn">
                          → {targets.find((x) => x.id === c.target)?.label ?? c.target}
                          {!ro && (
                            <button className="icon-btn" title={t('删除连线')} aria-label={t('删除连线')} onClick={() => onRemoveConnection(c.edgeId)}>
                              ×
                            </button>
                          )}
                        </div>
                      ))}
                      {!ro && (
                        <select
                          aria-label={t('连接到…')}
                          value=""
                          onChange={(e) => e.target.value && onConnectPort(activity.id, port, e.target.value)}
                        >
                          <option value="">{conns.length ? t('再连接到…') : t('连接到…')}</option>
                          {targets
                            .filter((x) => x.id !== activity.id)
                            .map((x) => (
                              <option key={x.id} value={x.id}>
                                {x.label}
                              </option>
                            ))}
                        </select>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <section className="props-section">
        <h3>{t('高级')}</h3>
        <Field label={t('汇合方式（多条连入时）')} htmlFor="prop-mergeMode">
          <select
            id="prop-mergeMode"
            value={activity.customProperties?.mergeMode ?? ''}
            disabled={ro}
            onChange={(e) =>
              set('mergeMode', (a) => {
                const cp = { ...(a.customProperties ?? {}) };
                if (e.target.value) cp.mergeMode = e.target.value;
                else delete cp.mergeMode;
                return { ...a, customProperties: cp };
              })
            }
          >
            <option value="">{t('默认')}</option>
            <option value="Stream">Stream</option>
            <option value="Merge">Merge</option>
            <option value="Converge">Converge</option>
          </select>
        </Field>
        <RawJson activity={activity} readOnly={ro} onApply={(a) => set('raw', () => a)} />
      </section>
    </div>
  );
}

interface Assumption {
  input?: string;
  value?: unknown;
  note?: string;
}

/** Values the documents leave open ("x", "一定比例") that this activity fills in: the admin confirms them before publishing. */
function Assumptions({ activity, descriptor }: { activity: ElsaActivity; descriptor: ActivityDescriptor | undefined }) {
  const t = useT();
  const { labels } = useDesignerView();
  const list = activity.customProperties?.assumptions;
  if (!Array.isArray(list) || list.length === 0) return null;
  const inputName = (name?: string) => {
    const input = descriptor?.inputs.find((i) => i.name === name);
    return input ? labels.input(input, descriptor?.typeName) : (name ?? '');
  };
  return (
    <div className="alert alert-warn small assumptions" data-testid="local-assumptions">
      <strong>{t('本地假设（请确认）')}</strong>
      <div className="muted">{t('文件未规定的数值，本流程先按下列假设取值，请本地区确认。')}</div>
      <ul>
        {(list as Assumption[]).map((a, i) => (
          <li key={i} data-input={a.input}>
            <span className="assumption-input">{inputName(a.input)}</span> = <code>{typeof a.value === 'string' ? a.value : JSON.stringify(a.value)}</code>：{a.note}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RawJson({ activity, readOnly, onApply }: { activity: ElsaActivity; readOnly: boolean; onApply: (a: ElsaActivity) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) setText(JSON.stringify(activity, null, 2));
  }, [open, activity]);
  return (
    <div className="raw-json">
      <button className="btn btn-small btn-ghost" onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {t('原始 JSON')}
      </button>
      {open && (
        <>
          <textarea className="code" rows={14} value={text} readOnly={readOnly} spellCheck={false} onChange={(e) => setText(e.target.value)} />
          {error && <div className="field-error">{error}</div>}
          {!readOnly && (
            <button
              className="btn btn-small"
              onClick={() => {
                try {
                  const parsed = JSON.parse(text);
                  if (parsed.id !== activity.id) throw new Error(t('不能修改 id'));
                  setError(null);
                  onApply(parsed);
                } catch (e) {
                  setError((e as Error).message);
                }
              }}
            >
              {t('应用')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

export const PropertyPanel = memo(PropertyPanelView);
