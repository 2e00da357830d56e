import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { api, ApiError, idPath } from '../api/client';
import { listForms } from '../api/forms';
import type { ElsaActivity, ElsaDefinition, FormSummary, Problem, WorkflowVersion } from '../api/types';
import { isAdmin, useAuth } from '../auth';
import { useCatalog, useDescriptorMap, useLabels } from '../catalog';
import { Badge, ErrorBox, Modal, Spinner, useToast } from '../components/ui';
import { formatDate, useI18n } from '../i18n';
import { href } from '../router';
import { UpstreamBanner } from '../audit/UpstreamBanner';
import { LARGE_GRAPH, StaticMiniMap } from './StaticMiniMap';
import { ActivityNode } from './ActivityNode';
import { DesignerViewContext, type DesignerView } from './context';
import type { EditorContext } from './editors';
import { autoLayout } from './layout';
import {
  cloneForPaste,
  containerAt,
  endsOf,
  fromFlow,
  labelOf,
  newActivity,
  portsOf,
  problemsByActivity,
  replaceContainer,
  toFlow,
  withEnds,
  type ActivityFlowNode,
  type ConnectionEdge,
} from './model';
import { ProblemsPanel } from './ProblemsPanel';
import { PropertyPanel } from './PropertyPanel';
import { SimulationPanel, type SimulationResult } from './SimulationPanel';
import { DRAG_MIME, Toolbox } from './Toolbox';
import { VersionsPanel } from './VersionsPanel';
import { WorkflowPanel } from './WorkflowPanel';

const nodeTypes = { activity: ActivityNode };
// Props of <ReactFlow> are kept stable (React Flow's performance guide): a new object or function on each render is
// written into its store, and every node, handle and edge subscribed to the store re-checks on each write.
const fitViewOptions = { padding: 0.15 };
const proOptions = { hideAttribution: true };
const deleteKeys = ['Delete', 'Backspace'];
const multiSelectionKeys = ['Control', 'Meta'];
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 }, type: 'default' as const };

interface Snapshot {
  nodes: ActivityFlowNode[];
  edges: ConnectionEdge[];
  def: ElsaDefinition;
}

export interface WorkflowMeta {
  definitionId: string;
  version: number;
  isPublished: boolean;
  isLatest?: boolean;
  concurrencyToken?: string;
  updatedBy?: string;
  updatedAt?: string;
  status?: string;
  locality?: string;
}

function metaOf(w: WorkflowVersion): WorkflowMeta {
  return {
    definitionId: w.definitionId ?? w.definition?.definitionId,
    version: w.version ?? w.definition?.version ?? 1,
    isPublished: !!(w.isPublished ?? w.definition?.isPublished),
    isLatest: (w.isLatest ?? w.definition?.isLatest) as boolean | undefined,
    concurrencyToken: w.concurrencyToken,
    updatedBy: w.updatedBy,
    updatedAt: w.updatedAt,
    locality: w.definition?.customProperties?.locality,
  };
}

export function DesignerPage({ definitionId, version }: { definitionId: string; version?: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ loading: boolean; error: unknown; data?: WorkflowVersion; latest?: number }>({ loading: true, error: null });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ loading: true, error: null });
    const url = `/api/workflows/${idPath(definitionId)}${version ? `/versions/${version}` : ''}`;
    const load = api.get<WorkflowVersion>(url).catch((e) => {
      // A server without /versions/{n} answers 404/405: fall back to ?version=.
      if (version && e instanceof ApiError && (e.status === 404 || e.status === 405)) return api.get<WorkflowVersion>(`/api/workflows/${idPath(definitionId)}?version=${version}`);
      throw e;
    });
    load.then(
      (data) => live && setState({ loading: false, error: null, data }),
      (error) => live && setState({ loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [definitionId, version, nonce]);
  if (state.loading) return <Spinner label={t('正在打开流程…')} />;
  if (state.error || !state.data)
    return (
      <div className="main">
        <ErrorBox error={state.error ?? t('流程不存在')} onRetry={() => setNonce((n) => n + 1)} />
      </div>
    );
  return (
    <ReactFlowProvider>
      <DesignerInner key={`${definitionId}:${version ?? ''}:${nonce}`} initial={state.data} viewingVersion={version} onReload={() => setNonce((n) => n + 1)} />
    </ReactFlowProvider>
  );
}

function DesignerInner({ initial, viewingVersion, onReload }: { initial: WorkflowVersion; viewingVersion?: number; onReload: () => void }) {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const toast = useToast();
  const labels = useLabels();
  const { descriptors: descriptorList } = useCatalog();
  const descriptors = useDescriptorMap();
  const flow = useReactFlow<ActivityFlowNode, ConnectionEdge>();

  const [meta, setMeta] = useState<WorkflowMeta>(() => metaOf(initial));
  const [def, setDef] = useState<ElsaDefinition>(() => initial.definition);
  const [path, setPath] = useState<string[]>([]);
  const initialFlow = useMemo(() => toFlow(initial.definition.root, descriptors), [initial, descriptors]);
  const [nodes, setNodes] = useState<ActivityFlowNode[]>(initialFlow.nodes);
  const [edges, setEdges] = useState<ConnectionEdge[]>(initialFlow.edges);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [drawer, setDrawer] = useState<'problems' | 'simulate' | 'versions' | null>(null);
  const [conflict, setConflict] = useState<ElsaDefinition | null>(null);
  const [forms, setForms] = useState<FormSummary[]>([]);
  const [simulation, setSimulation] = useState<SimulationResult | null>(null);
  const [revealed, setRevealed] = useState(0);

  const readOnly = !isAdmin(me) || (viewingVersion !== undefined && meta.isLatest === false);

  const history = useRef<{ past: Snapshot[]; future: Snapshot[]; lastKey: string | null; lastAt: number }>({ past: [], future: [], lastKey: null, lastAt: 0 });
  const nodeData = useStableList(nodes.map((n) => n.data));
  const latest = useRef({ nodes, edges, def, path });
  latest.current = { nodes, edges, def, path };
  const metaRef = useRef(meta);
  metaRef.current = meta;

  useEffect(() => {
    listForms().then(setForms, () => setForms([]));
  }, []);

  // Descriptors may arrive after the definition: recompute stale-port markers once they do.
  useEffect(() => {
    if (descriptors.size === 0) return;
    const { nodes: fresh } = toFlow(fromFlow(containerAt(latest.current.def, latest.current.path), latest.current.nodes, latest.current.edges), descriptors);
    const extra = new Map(fresh.map((n) => [n.id, n.data.extraPorts]));
    setNodes((ns) => ns.map((n) => (sameList(n.data.extraPorts, extra.get(n.id)) ? n : { ...n, data: { ...n.data, extraPorts: extra.get(n.id) } })));
  }, [descriptors]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // ---- history -------------------------------------------------------------------------------------------------
  const snapshot = useCallback((key?: string) => {
    const h = history.current;
    const now = Date.now();
    if (key && h.lastKey === key && now - h.lastAt < 1200) {
      h.lastAt = now;
      return;
    }
    h.past.push({ nodes: latest.current.nodes, edges: latest.current.edges, def: latest.current.def });
    if (h.past.length > 200) h.past.shift();
    h.future = [];
    h.lastKey = key ?? null;
    h.lastAt = now;
    setDirty(true);
  }, []);

  const restore = useCallback((s: Snapshot) => {
    setNodes(s.nodes);
    setEdges(s.edges);
    setDef(s.def);
    setDirty(true);
  }, []);

  const undo = useCallback(() => {
    const h = history.current;
    const s = h.past.pop();
    if (!s) return;
    h.future.push({ nodes: latest.current.nodes, edges: latest.current.edges, def: latest.current.def });
    h.lastKey = null;
    restore(s);
  }, [restore]);

  const redo = useCallback(() => {
    const h = history.current;
    const s = h.future.pop();
    if (!s) return;
    h.past.push({ nodes: latest.current.nodes, edges: latest.current.edges, def: latest.current.def });
    h.lastKey = null;
    restore(s);
  }, [restore]);

  // ---- canvas events --------------------------------------------------------------------------------------------
  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      if (readOnly) changes = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
      if (changes.some((c) => c.type === 'remove' || c.type === 'add')) setDirty(true);
      if (changes.some((c) => c.type === 'position' && c.dragging === false)) setDirty(true);
      setNodes((ns) => applyNodeChanges(changes, ns));
    },
    [readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionEdge>[]) => {
      if (readOnly) changes = changes.filter((c) => c.type === 'select');
      if (changes.some((c) => c.type === 'remove')) setDirty(true);
      setEdges((es) => applyEdgeChanges(changes, es));
    },
    [readOnly],
  );

  const removeEdge = useCallback(
    (edgeId: string) => {
      if (readOnly) return;
      snapshot();
      setEdges((es) => es.filter((e) => e.id !== edgeId));
    },
    [readOnly, snapshot],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.source || !c.target || c.source === c.target) return;
      const port = c.sourceHandle ?? 'Done';
      if (latest.current.edges.some((e) => e.source === c.source && e.target === c.target && e.sourceHandle === port)) return;
      snapshot();
      const raw = withEnds(null, { source: c.source, target: c.target, sourcePort: port, targetPort: 'In' });
      setEdges((es) => addEdge({ ...c, sourceHandle: port, targetHandle: 'In', id: `new:${endsOf(raw).source}:${port}->${c.target}:${Date.now()}`, data: { raw } }, es));
    },
    [readOnly, snapshot],
  );

  const onSelectionChange = useCallback(({ nodes: sel }: OnSelectionChangeParams) => {
    setSelectedIds((prev) => {
      const next = sel.map((n) => n.id);
      return sameList(prev, next) ? prev : next;
    });
  }, []);

  const onBeforeDelete = useCallback(async () => {
    if (readOnly) return false;
    snapshot();
    return true;
  }, [readOnly, snapshot]);

  const addActivity = useCallback(
    (typeName: string, position?: { x: number; y: number }) => {
      const d = descriptors.get(typeName);
      if (!d || readOnly) return;
      const pane = document.querySelector('.designer-canvas')?.getBoundingClientRect();
      const pos = position ?? flow.screenToFlowPosition({ x: (pane?.left ?? 0) + (pane?.width ?? 800) / 2 - 110, y: (pane?.top ?? 0) + (pane?.height ?? 600) / 2 - 40 });
      snapshot();
      const container = containerAt(latest.current.def, latest.current.path);
      const activity = newActivity(d, pos, latest.current.nodes.map((n) => n.data.activity), container);
      setNodes((ns) => [...ns.map((n) => (n.selected ? { ...n, selected: false } : n)), { id: activity.id, type: 'activity', position: pos, data: { activity }, selected: true }]);
    },
    [descriptors, readOnly, flow, snapshot],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const typeName = e.dataTransfer.getData(DRAG_MIME);
      if (!typeName) return;
      e.preventDefault();
      addActivity(typeName, flow.screenToFlowPosition({ x: e.clientX - 20, y: e.clientY - 20 }));
    },
    [addActivity, flow],
  );

  const updateActivity = useCallback(
    (id: string, update: (a: ElsaActivity) => ElsaActivity, key: string) => {
      if (readOnly) return;
      snapshot(`${id}:${key}`);
      setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, activity: update(n.data.activity) } } : n)));
    },
    [readOnly, snapshot],
  );

  // Ports removed by an edit (an action unticked) take their connections with them (undo brings both back).
  useEffect(() => {
    if (!descriptors.size) return;
    const portsById = new Map(nodeData.map((d) => [d.activity.id, new Set([...portsOf(d.activity, descriptors.get(d.activity.type)), ...(d.extraPorts ?? [])])]));
    const stale = new Set(edges.filter((e) => portsById.has(e.source) && !portsById.get(e.source)!.has(e.sourceHandle ?? 'Done')));
    if (stale.size) setEdges((es) => es.filter((e) => !stale.has(e)));
  }, [nodeData, edges, descriptors]);

  const updateDefinition = useCallback(
    (update: (d: ElsaDefinition) => ElsaDefinition, key: string) => {
      if (readOnly) return;
      snapshot(`wf:${key}`);
      setDef((d) => update(d));
    },
    [readOnly, snapshot],
  );

  // ---- serialisation, save, publish ------------------------------------------------------------------------------
  const serialize = useCallback((): ElsaDefinition => {
    const { nodes: ns, edges: es, def: d, path: p } = latest.current;
    return replaceContainer(d, p, fromFlow(containerAt(d, p), ns, es));
  }, []);

  const applyProblems = useCallback((list: Problem[]) => {
    setProblems(list);
    const byId = problemsByActivity(list);
    setNodes((ns) =>
      ns.map((n) => {
        const ps = byId.get(n.id);
        if (!ps && !n.data.problems) return n;
        return { ...n, data: { ...n.data, problems: ps } };
      }),
    );
  }, []);

  const validate = useCallback(
    async (quiet = false) => {
      try {
        const r = await api.post<any>('/api/workflows/validate', serialize());
        const list: Problem[] = Array.isArray(r) ? r : (r?.problems ?? r?.errors ?? []);
        applyProblems(list);
        if (!quiet) {
          toast(list.length ? t('发现 {n} 个问题', { n: list.length }) : t('校验通过，没有发现问题'), list.length ? 'error' : 'ok');
          if (list.length) setDrawer('problems');
        }
        return list;
      } catch (e) {
        if (e instanceof ApiError && e.status === 422) {
          applyProblems(e.errors as Problem[]);
          if (!quiet) setDrawer('problems');
          return e.errors as Problem[];
        }
        if (!quiet) toast(t('校验失败：{message}', { message: (e as Error).message }), 'error');
        return null;
      }
    },
    [serialize, applyProblems, toast, t],
  );

  const save = useCallback(async (): Promise<boolean> => {
    setBusy('save');
    try {
      const definition = serialize();
      const m0 = metaRef.current;
      const r = await api.put<WorkflowVersion>(`/api/workflows/${idPath(m0.definitionId)}/draft`, {
        definition,
        baseVersion: m0.version,
        concurrencyToken: m0.concurrencyToken,
      });
      if (r && typeof r === 'object') {
        const next = { ...m0, ...metaOf({ ...r, definition: r.definition ?? definition }) };
        metaRef.current = next;
        setMeta(next);
        if (r.definition) setDef((d) => ({ ...d, ...pickTop(r.definition) }));
      }
      setDirty(false);
      toast(t('草稿已保存'), 'ok');
      void validate(true);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(serialize());
        return false;
      }
      if (e instanceof ApiError && (e.status === 422 || e.status === 400) && e.errors.length) {
        applyProblems(e.errors as Problem[]);
        setDrawer('problems');
      }
      toast(t('保存失败：{message}', { message: e instanceof Error ? e.message : String(e) }), 'error');
      return false;
    } finally {
      setBusy(null);
    }
  }, [serialize, toast, t, validate, applyProblems]);

  const publish = useCallback(async () => {
    if (dirty && !(await save())) return;
    setBusy('publish');
    try {
      const r = await api.post<WorkflowVersion>(`/api/workflows/${idPath(meta.definitionId)}/publish`, {});
      if (r && typeof r === 'object' && (r.version || r.definition)) setMeta((m) => ({ ...m, ...metaOf({ ...r, definition: r.definition ?? serialize() }), isPublished: true }));
      else setMeta((m) => ({ ...m, isPublished: true }));
      applyProblems([]);
      toast(t('已发布第 {v} 版', { v: r?.version ?? meta.version }), 'ok');
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        applyProblems(e.errors as Problem[]);
        setDrawer('problems');
        toast(t('未能发布：校验发现 {n} 个问题', { n: e.errors.length }), 'error');
      } else toast(t('发布失败：{message}', { message: (e as Error).message }), 'error');
    } finally {
      setBusy(null);
    }
  }, [dirty, save, meta, toast, t, applyProblems, serialize]);

  const retract = useCallback(async () => {
    if (!window.confirm(t('撤回后，申报人将不能再选择本流程。确定撤回？'))) return;
    try {
      await api.post(`/api/workflows/${idPath(meta.definitionId)}/retract`, {});
      setMeta((m) => ({ ...m, isPublished: false }));
      toast(t('已撤回'), 'ok');
    } catch (e) {
      toast(t('撤回失败：{message}', { message: (e as Error).message }), 'error');
    }
  }, [meta.definitionId, toast, t]);

  const exportJson = useCallback(() => {
    const blob = new Blob([JSON.stringify(serialize(), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${meta.definitionId.replace(/\//g, '_')}-v${meta.version}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, [serialize, meta]);

  // ---- layout, copy/paste, keyboard ------------------------------------------------------------------------------
  const layout = useCallback(async () => {
    if (readOnly) return;
    setBusy('layout');
    try {
      const { nodes: ns, edges: es } = latest.current;
      const sel = new Set(ns.filter((n) => n.selected).map((n) => n.id));
      const positions = await autoLayout(ns, es, (n) => [...portsOf(n.data.activity, descriptors.get(n.data.activity.type)), ...(n.data.extraPorts ?? [])], sel.size > 1 ? sel : undefined);
      snapshot();
      setNodes((cur) => cur.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)));
      requestAnimationFrame(() => flow.fitView({ padding: 0.15, duration: 300 }));
    } catch (e) {
      toast(t('自动布局失败：{message}', { message: (e as Error).message }), 'error');
    } finally {
      setBusy(null);
    }
  }, [readOnly, descriptors, snapshot, flow, toast, t]);

  const pasteCount = useRef(0);
  const propsPanel = useRef<HTMLElement>(null);
  const selectionKey = selectedIds.join(',');
  useEffect(() => {
    if (propsPanel.current) propsPanel.current.scrollTop = 0;
  }, [selectionKey]);
  const copy = useCallback(() => {
    const { nodes: ns, edges: es } = latest.current;
    const sel = ns.filter((n) => n.selected);
    if (!sel.length) return;
    const ids = new Set(sel.map((n) => n.id));
    const container = fromFlow(containerAt(latest.current.def, latest.current.path), sel, es.filter((e) => ids.has(e.source) && ids.has(e.target)));
    const payload = JSON.stringify({ kind: 'designer-activities', activities: container.activities, connections: container.connections });
    clipboard = payload;
    pasteCount.current = 0;
    try {
      void navigator.clipboard?.writeText(payload);
    } catch {
      /* clipboard permission is optional */
    }
    toast(t('已复制 {n} 个活动', { n: sel.length }), 'info');
  }, [toast, t]);

  const paste = useCallback(() => {
    if (readOnly || !clipboard) return;
    const data = JSON.parse(clipboard);
    pasteCount.current += 1;
    const offset = { x: 40 * pasteCount.current, y: 40 * pasteCount.current };
    const container = containerAt(latest.current.def, latest.current.path);
    const { activities, connections } = cloneForPaste(data.activities ?? [], data.connections ?? [], offset, container);
    if (!activities.length) return;
    snapshot();
    const { nodes: newNodes, edges: newEdges } = toFlow({ ...container, activities, connections }, descriptors);
    setNodes((ns) => [...ns.map((n) => (n.selected ? { ...n, selected: false } : n)), ...newNodes.map((n) => ({ ...n, selected: true }))]);
    setEdges((es) => [...es, ...newEdges]);
  }, [readOnly, snapshot, descriptors]);

  const deleteSelected = useCallback(() => {
    if (readOnly) return;
    const sel = latest.current.nodes.filter((n) => n.selected);
    const selEdges = latest.current.edges.filter((e) => e.selected);
    if (!sel.length && !selEdges.length) return;
    void flow.deleteElements({ nodes: sel, edges: selEdges });
  }, [readOnly, flow]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!readOnly) void save();
        return;
      }
      if (!typing && !mod && (e.key === 'Delete' || e.key === 'Backspace') && !target.closest?.('.react-flow')) {
        // React Flow handles the key when the canvas has the focus; after a paste or a toolbox drop it may not.
        deleteSelected();
        return;
      }
      if (typing || !mod) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        redo();
      } else if (k === 'c') copy();
      else if (k === 'v') paste();
      else if (k === 'a') {
        e.preventDefault();
        setNodes((ns) => ns.map((n) => (n.selected ? n : { ...n, selected: true })));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, undo, redo, copy, paste, readOnly, deleteSelected]);

  // Once problems are shown, keep them current: re-validate (quietly) a moment after each edit.
  const showingProblems = problems.length > 0;
  useEffect(() => {
    if (!showingProblems || !dirty) return;
    const timer = window.setTimeout(() => void validate(true), 1200);
    return () => window.clearTimeout(timer);
  }, [showingProblems, dirty, nodes, edges, def, validate]);

  // ---- nested flowcharts ------------------------------------------------------------------------------------------
  const openPath = useCallback(
    (next: string[]) => {
      const committed = serialize();
      setDef(committed);
      const { nodes: ns, edges: es } = toFlow(containerAt(committed, next), descriptors);
      setPath(next);
      setNodes(ns);
      setEdges(es);
      history.current = { past: [], future: [], lastKey: null, lastAt: 0 };
      requestAnimationFrame(() => flow.fitView({ padding: 0.15 }));
    },
    [serialize, descriptors, flow],
  );

  // ---- simulation highlight ---------------------------------------------------------------------------------------
  const reachedOrder = useMemo(() => {
    const m = new Map<string, number>();
    if (!simulation) return m;
    const steps = simulation.path ?? [];
    steps.slice(0, revealed).forEach((s, i) => {
      if (s.activityId && !m.has(s.activityId)) m.set(s.activityId, i + 1);
    });
    return m;
  }, [simulation, revealed]);

  useEffect(() => {
    if (!simulation) return;
    const total = simulation.path?.length ?? 0;
    setRevealed(0);
    let i = 0;
    const timer = window.setInterval(() => {
      i += 1;
      setRevealed(i);
      if (i >= total) window.clearInterval(timer);
    }, 350);
    return () => window.clearInterval(timer);
  }, [simulation]);

  useEffect(() => {
    setNodes((ns) => ns.map((n) => (n.data.reached === reachedOrder.get(n.id) ? n : { ...n, data: { ...n.data, reached: reachedOrder.get(n.id) } })));
    setEdges((es) =>
      es.map((e) => {
        const on = reachedOrder.has(e.source) && reachedOrder.has(e.target) && reachedOrder.get(e.target)! > reachedOrder.get(e.source)!;
        if (!!e.animated === on) return e;
        return { ...e, animated: on, className: on ? 'edge-reached' : undefined };
      }),
    );
  }, [reachedOrder]);

  const focusActivity = useCallback(
    (id: string) => {
      const n = latest.current.nodes.find((x) => x.id === id);
      if (!n) return;
      setNodes((ns) => ns.map((x) => (x.selected === (x.id === id) ? x : { ...x, selected: x.id === id })));
      const w = n.measured?.width ?? 220;
      const h = n.measured?.height ?? 100;
      void flow.setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
    },
    [flow],
  );

  // ---- derived view -----------------------------------------------------------------------------------------------
  const onNodeDragStart = useCallback(() => snapshot(), [snapshot]);
  const onNodeDoubleClick = useCallback(
    (_: unknown, n: ActivityFlowNode) => {
      if (n.data.activity.type === 'Elsa.Flowchart') openPath([...latest.current.path, n.id]);
    },
    [openPath],
  );
  const large = nodes.length > LARGE_GRAPH;

  const view: DesignerView = useMemo(() => ({ descriptors, labels, readOnly, t }), [descriptors, labels, readOnly, t]);
  const editorContext: EditorContext = useMemo(
    () => ({ labels, forms, variables: (def.variables ?? []).map((v) => v.name), readOnly }),
    [labels, forms, def.variables, readOnly],
  );
  // Everything below depends on the activities, never on positions: dragging a node re-renders only that node.
  const selectedId = selectedIds.length === 1 ? selectedIds[0] : undefined;
  const selectedData = selectedId ? nodeData.find((d) => d.activity.id === selectedId) : undefined;
  const selectedActivity = selectedData?.activity;
  const selectedPorts = useMemo(
    () => (selectedActivity ? [...portsOf(selectedActivity, descriptors.get(selectedActivity.type)), ...(selectedData?.extraPorts ?? [])] : []),
    [selectedActivity, selectedData?.extraPorts, descriptors],
  );
  const outbound = useMemo(
    () => (selectedId ? edges.filter((e) => e.source === selectedId).map((e) => ({ edgeId: e.id, port: e.sourceHandle ?? 'Done', target: e.target })) : []),
    [edges, selectedId],
  );
  const targetLabels = useMemo(
    () => nodeData.map((d) => ({ id: d.activity.id, label: labelOf(d.activity, descriptors.get(d.activity.type)?.displayName) })),
    [nodeData, descriptors],
  );
  const connectPort = useCallback(
    (source: string, port: string, target: string) => onConnect({ source, sourceHandle: port, target, targetHandle: 'In' }),
    [onConnect],
  );
  const openNested = useCallback((id: string) => openPath([...latest.current.path, id]), [openPath]);
  const problemsOfSelected = useMemo(() => (selectedId ? problems.filter((p) => p.activityId === selectedId) : []), [problems, selectedId]);
  const personSteps = useMemo(() => nodeData.map((d) => d.activity).filter((a) => descriptors.get(a.type)?.isPersonStep), [nodeData, descriptors]);
  const status = meta.isPublished ? 'published' : 'draft';
  const breadcrumbs = path.map((id, i) => ({ id, label: labelOf(containerAt(def, path.slice(0, i + 1))), path: path.slice(0, i + 1) }));

  return (
    <DesignerViewContext.Provider value={view}>
      <div className="designer">
        <div className="designer-bar">
          <div className="designer-title">
            <a href={href('/workflows')} className="muted small">
              ← {t('流程列表')}
            </a>
            <h1 title={meta.definitionId}>{def.name || meta.definitionId}</h1>
            <Badge tone={status === 'published' ? 'ok' : 'warn'}>{status === 'published' ? t('已发布') : t('草稿')}</Badge>
            <span className="muted small">
              {t('第 {v} 版', { v: meta.version })}
              {meta.updatedBy ? ` · ${meta.updatedBy}` : ''}
              {meta.updatedAt ? ` · ${formatDate(meta.updatedAt, locale)}` : ''}
            </span>
            {dirty && <Badge tone="info">{t('未保存')}</Badge>}
            {readOnly && <Badge tone="neutral">{t('只读')}</Badge>}
            <UpstreamBanner definitionId={meta.definitionId} clonedFrom={def.customProperties?.clonedFrom} />
          </div>
          <div className="designer-actions">
            <div className="btn-group">
              <button className="btn btn-small" onClick={undo} disabled={readOnly || history.current.past.length === 0} title={t('撤销 (Ctrl+Z)')}>
                ↶ {t('撤销')}
              </button>
              <button className="btn btn-small" onClick={redo} disabled={readOnly || history.current.future.length === 0} title={t('重做 (Ctrl+Shift+Z)')}>
                ↷ {t('重做')}
              </button>
            </div>
            <div className="btn-group">
              <button className="btn btn-small" onClick={copy} title={t('复制 (Ctrl+C)')}>
                {t('复制')}
              </button>
              <button className="btn btn-small" onClick={paste} disabled={readOnly} title={t('粘贴 (Ctrl+V)')}>
                {t('粘贴')}
              </button>
              <button className="btn btn-small" onClick={deleteSelected} disabled={readOnly} title={t('删除 (Delete)')}>
                {t('删除')}
              </button>
            </div>
            <button className="btn btn-small" onClick={layout} disabled={readOnly || busy === 'layout'} title={t('自动布局（选中多个时只排列选中的）')}>
              ⊞ {t('自动布局')}
            </button>
            <button className="btn btn-small" onClick={() => setDrawer(drawer === 'simulate' ? null : 'simulate')}>
              ▶ {t('模拟运行')}
            </button>
            <button className="btn btn-small" onClick={() => setDrawer(drawer === 'versions' ? null : 'versions')}>
              {t('版本历史')}
            </button>
            <button className="btn btn-small" onClick={exportJson}>
              {t('导出')}
            </button>
            <button className="btn btn-small" onClick={() => validate(false)}>
              {t('校验')}
            </button>
            {!readOnly && (
              <>
                {meta.isPublished && !dirty && (
                  <button className="btn btn-small btn-ghost" onClick={retract}>
                    {t('撤回')}
                  </button>
                )}
                <button className="btn btn-small" onClick={save} disabled={busy !== null} data-testid="save-draft">
                  {busy === 'save' ? t('保存中…') : t('保存草稿')}
                </button>
                <button className="btn btn-small btn-primary" onClick={publish} disabled={busy !== null} data-testid="publish">
                  {busy === 'publish' ? t('发布中…') : t('发布')}
                </button>
              </>
            )}
          </div>
        </div>
        {path.length > 0 && (
          <div className="breadcrumbs">
            <button className="link" onClick={() => openPath([])}>
              {def.name || t('主流程')}
            </button>
            {breadcrumbs.map((b) => (
              <span key={b.id}>
                {' / '}
                <button className="link" onClick={() => openPath(b.path)}>
                  {b.label}
                </button>
              </span>
            ))}
          </div>
        )}
        <div className="designer-body">
          <Toolbox descriptors={descriptorList} onAdd={addActivity} />
          <div className="designer-center">
            <div className={`designer-canvas${large ? ' is-large' : ''}`} onDrop={onDrop} onDragOver={onDragOver}>
              <ReactFlow
                nodes={nodes}
                edges={edges}
                nodeTypes={nodeTypes}
                defaultEdgeOptions={defaultEdgeOptions}
                onNodesChange={onNodesChange}
                onEdgesChange={onEdgesChange}
                onConnect={onConnect}
                onSelectionChange={onSelectionChange}
                onBeforeDelete={onBeforeDelete}
                onNodeDragStart={onNodeDragStart}
                onSelectionDragStart={onNodeDragStart}
                onNodeDoubleClick={onNodeDoubleClick}
                deleteKeyCode={readOnly ? null : deleteKeys}
                multiSelectionKeyCode={multiSelectionKeys}
                selectionKeyCode="Shift"
                nodesDraggable={!readOnly}
                nodesConnectable={!readOnly}
                onlyRenderVisibleElements={large}
                minZoom={0.05}
                maxZoom={2.5}
                fitView
                fitViewOptions={fitViewOptions}
                proOptions={proOptions}
              >
                <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
                {large ? (
                  <StaticMiniMap nodes={nodes} color={minimapColor} />
                ) : (
                  <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={minimapColor} className="minimap" />
                )}
                <Controls showInteractive={false} />
              </ReactFlow>
            </div>
            {drawer && (
              <div className="drawer">
                <div className="drawer-tabs">
                  <button className={drawer === 'problems' ? 'on' : ''} onClick={() => setDrawer('problems')}>
                    {t('问题')} {problems.length > 0 && <Badge tone="error">{problems.length}</Badge>}
                  </button>
                  <button className={drawer === 'simulate' ? 'on' : ''} onClick={() => setDrawer('simulate')}>
                    {t('模拟运行')}
                  </button>
                  <button className={drawer === 'versions' ? 'on' : ''} onClick={() => setDrawer('versions')}>
                    {t('版本历史')}
                  </button>
                  <span className="spacer" />
                  <button className="icon-btn" onClick={() => setDrawer(null)} aria-label={t('关闭')} title={t('关闭')}>
                    ×
                  </button>
                </div>
                <div className="drawer-body">
                  {drawer === 'problems' && <ProblemsPanel problems={problems} nodeData={nodeData} onFocus={focusActivity} />}
                  {drawer === 'simulate' && (
                    <SimulationPanel
                      definition={def}
                      personSteps={personSteps}
                      ensureSaved={async () => {
                        if (dirty && !readOnly && !(await save())) return null;
                        return { definitionId: metaRef.current.definitionId, version: metaRef.current.version };
                      }}
                      result={simulation}
                      onResult={(r) => setSimulation(r)}
                      onClear={() => setSimulation(null)}
                      onFocus={focusActivity}
                    />
                  )}
                  {drawer === 'versions' && <VersionsPanel meta={meta} readOnly={readOnly} onReverted={onReload} />}
                </div>
              </div>
            )}
          </div>
          <aside className="props-panel" aria-label={t('属性')} ref={propsPanel}>
            {selectedActivity ? (
              <PropertyPanel
                activity={selectedActivity}
                descriptor={descriptors.get(selectedActivity.type)}
                problems={problemsOfSelected}
                ports={selectedPorts}
                outbound={outbound}
                targets={targetLabels}
                onConnectPort={connectPort}
                onRemoveConnection={removeEdge}
                editorContext={editorContext}
                onChange={updateActivity}
                onOpenFlowchart={openNested}
              />
            ) : selectedIds.length > 1 ? (
              <div className="props">
                <div className="props-head">
                  <div className="props-type">{t('已选中 {n} 个活动', { n: selectedIds.length })}</div>
                  <div className="muted small">{t('可拖动、复制、删除或自动布局选中的活动。')}</div>
                </div>
              </div>
            ) : (
              <WorkflowPanel definition={def} onChange={updateDefinition} />
            )}
          </aside>
        </div>
      </div>
      {conflict && (
        <Modal
          title={t('保存冲突')}
          onClose={() => setConflict(null)}
          footer={
            <>
              <button
                className="btn"
                onClick={() => {
                  const blob = new Blob([JSON.stringify(conflict, null, 2)], { type: 'application/json' });
                  const a = document.createElement('a');
                  a.href = URL.createObjectURL(blob);
                  a.download = `${meta.definitionId.replace(/\//g, '_')}-my-changes.json`;
                  a.click();
                }}
              >
                {t('下载我的修改')}
              </button>
              <button
                className="btn btn-primary"
                onClick={() => {
                  setConflict(null);
                  setDirty(false);
                  onReload();
                }}
              >
                {t('载入最新版本')}
              </button>
            </>
          }
        >
          <p>{t('在您编辑期间，其他人已保存了这个流程。您的修改没有保存，也没有丢失：可以先下载您的修改，再载入最新版本。')}</p>
        </Modal>
      )}
    </DesignerViewContext.Provider>
  );
}

let clipboard: string | null = null;

/** The same array as last time when every element is the same (a drag moves nodes but changes no activity). */
function useStableList<T>(items: T[]): T[] {
  const ref = useRef(items);
  const prev = ref.current;
  if (prev !== items && (prev.length !== items.length || items.some((x, i) => x !== prev[i]))) ref.current = items;
  return ref.current;
}

function sameList(a?: string[], b?: string[]) {
  if (a === b) return true;
  if (!a || !b) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function pickTop(d: ElsaDefinition): Partial<ElsaDefinition> {
  const { root: _root, ...rest } = d;
  return rest;
}

function minimapColor(n: ActivityFlowNode) {
  if (n.data?.problems?.length) return '#dc2626';
  if (n.data?.reached) return '#16a34a';
  return n.data?.activity?.type?.startsWith('Titles.') ? '#2563eb' : '#94a3b8';
}

