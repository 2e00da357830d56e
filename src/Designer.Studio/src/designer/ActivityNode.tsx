import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useI18n } from '../i18n';
import { useDesignerView } from './context';
import { localMessage } from '../i18n/localMessage';
import { labelOf, literalOf, portsOf, type ActivityFlowNode } from './model';

/**
 * One activity on the canvas: its Chinese name, type, stage badge and assignee, and one handle per outcome port.
 * Memoised: a node re-renders only when its own activity, problems or simulation mark change.
 */
function ActivityNodeView({ data, selected }: NodeProps<ActivityFlowNode>) {
  const { descriptors, labels, t } = useDesignerView();
  const a = data.activity;
  const d = descriptors.get(a.type);
  const ports = portsOf(a, d);
  const extra = data.extraPorts ?? [];
  const stageInput = d?.inputs.find((i) => i.uiHint === 'stage-picker');
  const stage = stageInput ? literalOf(a, stageInput) : undefined;
  const orgInput = d?.inputs.find((i) => i.uiHint === 'organisation-picker');
  const org = orgInput ? literalOf(a, orgInput) : undefined;
  const roleInput = d?.inputs.find((i) => i.uiHint === 'role-picker');
  const role = roleInput ? literalOf(a, roleInput) : undefined;
  const { locale } = useI18n();
  const problems = data.problems ?? [];
  const typeLabel = d ? labels.activity(d.typeName) : a.type;
  const kind = !d ? 'unknown' : d.isPersonStep ? 'person' : d.isTerminal ? 'terminal' : d.category;
  const classes = [
    'wf-node',
    `wf-kind-${kindClass(kind)}`,
    selected ? 'is-selected' : '',
    problems.length ? 'has-problems' : '',
    data.reached ? 'is-reached' : '',
  ].join(' ');
  const title = problems.map((p) => localMessage(p.message, locale)).join('\n');
  return (
    <div className={classes} title={title || undefined} data-activity-id={a.id} data-activity-type={a.type}>
      <Handle type="target" position={Position.Left} id="In" className="wf-handle-in" />
      <div className="wf-node-head">
        <span className="wf-node-title">{labelOf(a, d ? typeLabel : undefined)}</span>
        {data.reached ? <span className="wf-node-step">{data.reached}</span> : null}
      </div>
      <div className="wf-node-meta">
        <span className="wf-node-type">{typeLabel}</span>
        {typeof stage === 'string' && stage && <span className="wf-stage">{labels.stage(stage)}</span>}
      </div>
      {typeof org === 'string' && org && (
        <div className="wf-node-assignee" title={org + (role ? ` / ${role}` : '')}>
          <span className="wf-icon-person" aria-hidden>
            ◉
          </span>
          {labels.org(org)}
          {typeof role === 'string' && role ? ` · ${labels.role(role)}` : ''}
        </div>
      )}
      {!d && <div className="wf-node-unknown">{t('未知的活动类型')}</div>}
      {problems.length > 0 && <div className="wf-node-problems">⚠ {t('{n} 个问题', { n: problems.length })}</div>}
      {(ports.length > 0 || extra.length > 0) && (
        <div className="wf-ports">
          {ports.map((p) => (
            <div key={p} className={`wf-port wf-port-${portTone(p)}`}>
              <span className="wf-port-label">{labels.port(p)}</span>
              <Handle type="source" position={Position.Right} id={p} className="wf-handle-out" />
            </div>
          ))}
          {extra.map((p) => (
            <div key={'x' + p} className="wf-port wf-port-stale" title={t('该出口已不存在，连线仍保留')}>
              <span className="wf-port-label">{labels.port(p)} ⚠</span>
              <Handle type="source" position={Position.Right} id={p} className="wf-handle-out" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function kindClass(kind: string) {
  switch (kind) {
    case 'person':
    case 'terminal':
    case 'unknown':
      return kind;
    case '流程控制':
      return 'flow';
    case '规则与计算':
      return 'rules';
    case '职称评审':
      return 'titles';
    default:
      return 'other';
  }
}

const negative = new Set(['reject', 'fail', 'False', 'Ineligible', 'Failed', 'Fail', 'Exhausted', 'object', 'Objection', 'NoMatch']);
const warning = new Set(['return', 'Overdue', 'Default']);
function portTone(p: string) {
  if (negative.has(p)) return 'neg';
  if (warning.has(p)) return 'warn';
  return 'pos';
}

export const ActivityNode = memo(ActivityNodeView);
