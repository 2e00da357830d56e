import type { Edge, Node } from '@xyflow/react';
import type { ActivityDescriptor, ElsaActivity, ElsaConnection, ElsaDefinition, InputDescriptor, Problem } from '../api/types';

/*
 * The Elsa definition JSON ↔ the canvas. Activities and connections are kept whole (every property the Studio does
 * not edit survives the round trip); the canvas only adds positions, selection and view state.
 */

export interface ActivityNodeData extends Record<string, unknown> {
  activity: ElsaActivity;
  problems?: Problem[];
  /** Simulation: order in the path (1-based) when the activity was reached. */
  reached?: number;
  /** Ports that existing connections use but the activity no longer declares. */
  extraPorts?: string[];
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;

export interface ConnectionData extends Record<string, unknown> {
  raw: ElsaConnection;
  reached?: boolean;
}

export type ConnectionEdge = Edge<ConnectionData>;

export interface InputValue {
  present: boolean;
  type: string;
  value: any;
}

export function readInput(activity: ElsaActivity, name: string): InputValue {
  const raw = activity[name];
  if (raw === undefined || raw === null) return { present: false, type: 'Literal', value: undefined };
  if (typeof raw === 'object' && !Array.isArray(raw) && raw.expression && typeof raw.expression === 'object')
    return { present: true, type: raw.expression.type ?? 'Literal', value: raw.expression.value };
  if (typeof raw === 'object' && !Array.isArray(raw) && typeof raw.type === 'string' && 'value' in raw && !('id' in raw) && Object.keys(raw).length <= 2)
    return { present: true, type: raw.type, value: raw.value };
  return { present: true, type: 'Literal', value: raw };
}

/** The literal value of an input (parsed when it is JSON text), or the descriptor's default. */
export function literalOf(activity: ElsaActivity, input: Pick<InputDescriptor, 'name' | 'defaultValue'> | string, fallback?: unknown): any {
  const name = typeof input === 'string' ? input : input.name;
  const def = typeof input === 'string' ? fallback : input.defaultValue;
  const v = readInput(activity, name);
  if (!v.present || !['Literal', 'Object', 'Json'].includes(v.type)) return def;
  if (typeof v.value === 'string') {
    const s = v.value.trim();
    if ((s.startsWith('[') && s.endsWith(']')) || (s.startsWith('{') && s.endsWith('}'))) {
      try {
        return JSON.parse(s);
      } catch {
        /* keep text */
      }
    }
  }
  return v.value ?? def;
}

/** Writes an input in Elsa's wrapper form, keeping the wrapper's other properties. */
export function writeInput(activity: ElsaActivity, input: InputDescriptor, type: string, value: unknown): ElsaActivity {
  const existing = activity[input.name];
  const wrapper = existing && typeof existing === 'object' && !Array.isArray(existing) && existing.expression ? existing : {};
  return {
    ...activity,
    [input.name]: {
      ...wrapper,
      typeName: wrapper.typeName ?? input.typeName,
      expression: { ...(wrapper.expression ?? {}), type, value },
    },
  };
}

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? (x.label ?? x.name ?? x.value) : String(x))).filter((x) => typeof x === 'string' && x.length > 0);
  if (typeof v === 'string') return v.split(/[,，\n]/).map((s) => s.trim()).filter(Boolean);
  return [];
}

/**
 * Outbound ports from the descriptor: ports that come from an input (a task's actions, a switch's case labels, a
 * fork's branches) first, then the fixed ones; a person step with a deadline also gets "Overdue".
 */
export function portsOf(activity: ElsaActivity, d: ActivityDescriptor | undefined): string[] {
  if (!d) return ['Done'];
  const fixed = d.ports.map((p) => p.name);
  let ports = fixed;
  if (d.portsFromInput) {
    const input = d.inputs.find((i) => i.name === d.portsFromInput);
    ports = [...asList(literalOf(activity, d.portsFromInput, input?.defaultValue)), ...fixed];
  }
  if (d.isPersonStep) {
    const deadline = d.inputs.find((i) => i.name === 'deadlineDays');
    if (deadline && Number(literalOf(activity, deadline)) > 0 && !ports.includes('Overdue')) ports = [...ports, 'Overdue'];
  }
  return [...new Set(ports)];
}

export function labelOf(activity: ElsaActivity, displayName?: string): string {
  return activity.metadata?.displayText || activity.name || displayName || activity.id;
}

export interface ConnectionEnds {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

export function endsOf(c: ElsaConnection): ConnectionEnds {
  if (typeof c.source === 'string')
    return { source: c.source, target: String(c.target), sourcePort: (c as any).sourcePort ?? 'Done', targetPort: (c as any).targetPort ?? 'In' };
  const s = c.source as { activity: string; port?: string | null };
  const t = c.target as { activity: string; port?: string | null };
  return { source: s.activity, sourcePort: s.port ?? 'Done', target: t.activity, targetPort: t.port ?? 'In' };
}

/** Rewrites a connection's ends in the form it was written in (current or legacy flat). */
export function withEnds(c: ElsaConnection | null, e: ConnectionEnds): ElsaConnection {
  if (c && typeof c.source === 'string') return { ...c, source: e.source, target: e.target, sourcePort: e.sourcePort, targetPort: e.targetPort } as ElsaConnection;
  const base: any = c ?? {};
  return {
    ...base,
    source: { ...(typeof base.source === 'object' ? base.source : {}), activity: e.source, port: e.sourcePort },
    target: { ...(typeof base.target === 'object' ? base.target : {}), activity: e.target, port: e.targetPort || 'In' },
    vertices: base.vertices ?? [],
  };
}

let edgeSeq = 0;
export function edgeId(e: ConnectionEnds) {
  return `e${++edgeSeq}:${e.source}:${e.sourcePort}->${e.target}`;
}

/** The flowchart being edited: the root, or a nested Elsa.Flowchart found by a path of activity ids. */
export function containerAt(def: ElsaDefinition, path: string[]): ElsaActivity {
  let c: ElsaActivity = def.root;
  for (const id of path) {
    const next = (c.activities ?? []).find((a) => a.id === id);
    if (!next) break;
    c = next;
  }
  return c;
}

export function replaceContainer(def: ElsaDefinition, path: string[], container: ElsaActivity): ElsaDefinition {
  if (path.length === 0) return { ...def, root: container };
  const rec = (c: ElsaActivity, i: number): ElsaActivity => {
    if (i === path.length) return container;
    return { ...c, activities: (c.activities ?? []).map((a) => (a.id === path[i] ? rec(a, i + 1) : a)) };
  };
  return { ...def, root: rec(def.root, 0) };
}

export function toFlow(container: ElsaActivity, descriptors: Map<string, ActivityDescriptor>): { nodes: ActivityFlowNode[]; edges: ConnectionEdge[] } {
  const activities = container.activities ?? [];
  const used = new Map<string, Set<string>>();
  const edges: ConnectionEdge[] = (container.connections ?? []).map((raw) => {
    const e = endsOf(raw);
    if (!used.has(e.source)) used.set(e.source, new Set());
    used.get(e.source)!.add(e.sourcePort);
    return { id: edgeId(e), source: e.source, target: e.target, sourceHandle: e.sourcePort, targetHandle: 'In', data: { raw } };
  });
  const nodes: ActivityFlowNode[] = activities.map((a, i) => {
    const pos = a.metadata?.designer?.position;
    const ports = portsOf(a, descriptors.get(a.type));
    const extra = [...(used.get(a.id) ?? [])].filter((p) => !ports.includes(p));
    return {
      id: a.id,
      type: 'activity',
      position: pos && Number.isFinite(pos.x) && Number.isFinite(pos.y) ? { x: pos.x, y: pos.y } : { x: 80 + (i % 6) * 280, y: 80 + Math.floor(i / 6) * 200 },
      data: extra.length ? { activity: a, extraPorts: extra } : { activity: a },
    };
  });
  return { nodes, edges };
}

export function fromFlow(container: ElsaActivity, nodes: ActivityFlowNode[], edges: ConnectionEdge[]): ElsaActivity {
  const activities = nodes.map((n) => {
    const a = n.data.activity;
    const designer = { ...(a.metadata?.designer ?? {}), position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } };
    return { ...a, metadata: { ...(a.metadata ?? {}), designer } };
  });
  const connections = edges.map((e) =>
    withEnds(e.data?.raw ?? null, { source: e.source, target: e.target, sourcePort: e.sourceHandle ?? 'Done', targetPort: endsOrIn(e) }),
  );
  return { ...container, activities, connections };
}

function endsOrIn(e: ConnectionEdge) {
  const raw = e.data?.raw;
  return raw ? endsOf(raw).targetPort : 'In';
}

/** Elsa-style 16-hex-digit ids (crypto.getRandomValues works outside secure contexts too). */
export function newId() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function hasValue(v: unknown) {
  if (v === null || v === undefined || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** A new activity of a type, with the descriptor's non-empty defaults written as literals. */
export function newActivity(d: ActivityDescriptor, position: { x: number; y: number }, siblings: ElsaActivity[], container: ElsaActivity): ElsaActivity {
  const id = newId();
  const short = d.typeName.split('.').pop() ?? 'Activity';
  const names = new Set(siblings.map((s) => s.name));
  let n = 1;
  while (names.has(`${short}${n}`)) n++;
  const activity: ElsaActivity = {
    id,
    ...(siblings.some((s) => s.nodeId) || container.nodeId ? { nodeId: `${container.nodeId ?? container.id}:${id}` } : {}),
    name: `${short}${n}`,
    type: d.typeName,
    version: 1,
    customProperties: {},
    metadata: { designer: { position: { x: Math.round(position.x), y: Math.round(position.y) } }, displayText: d.displayName },
  };
  let result = activity;
  for (const input of d.inputs) if (hasValue(input.defaultValue)) result = writeInput(result, input, 'Literal', input.defaultValue);
  if (d.typeName === 'Elsa.Flowchart') result = { ...result, activities: [], connections: [] };
  return result;
}

/** Deep copy of activities for paste: new ids, names kept, connections among them rewired. */
export function cloneForPaste(activities: ElsaActivity[], connections: ElsaConnection[], offset: { x: number; y: number }, container: ElsaActivity) {
  const ids = new Map<string, string>();
  for (const a of activities) ids.set(a.id, newId());
  const copies = activities.map((a) => {
    const copy: ElsaActivity = JSON.parse(JSON.stringify(a));
    copy.id = ids.get(a.id)!;
    if (copy.nodeId) copy.nodeId = `${container.nodeId ?? container.id}:${copy.id}`;
    const pos = copy.metadata?.designer?.position ?? { x: 0, y: 0 };
    copy.metadata = { ...(copy.metadata ?? {}), designer: { ...(copy.metadata?.designer ?? {}), position: { x: pos.x + offset.x, y: pos.y + offset.y } } };
    return copy;
  });
  const conns = connections
    .map((c) => ({ c, e: endsOf(c) }))
    .filter(({ e }) => ids.has(e.source) && ids.has(e.target))
    .map(({ c, e }) => withEnds(JSON.parse(JSON.stringify(c)), { ...e, source: ids.get(e.source)!, target: ids.get(e.target)! }));
  return { activities: copies, connections: conns };
}

/** Problems by activity id (a Map, so lookups stay O(1) whatever the workflow's size). */
export function problemsByActivity(problems: Problem[]): Map<string, Problem[]> {
  const m = new Map<string, Problem[]>();
  for (const p of problems) {
    if (!p.activityId) continue;
    if (!m.has(p.activityId)) m.set(p.activityId, []);
    m.get(p.activityId)!.push(p);
  }
  return m;
}

/** Does a problem concern this input? Matches `…assigneeOrg`, `$.root.activities[2].assigneeOrg.expression` etc. */
export function problemConcernsInput(p: Problem, input: string) {
  if (!p.path) return false;
  return new RegExp(`(^|[.\\[/'"])${input}($|[.\\]/'"])`).test(p.path);
}
