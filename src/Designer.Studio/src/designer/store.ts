import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ActivityDescriptor, ElsaActivity, ElsaDefinition, Problem, WorkflowVersion } from '../api/types';
import type { SimulationResult } from './SimulationPanel';
import {
  cloneForPaste,
  containerAt,
  endsOf,
  fromFlow,
  newActivity,
  portsOf,
  problemsByActivity,
  replaceContainer,
  toFlow,
  withEnds,
  type ActivityFlowNode,
  type ConnectionEdge,
} from './model';

/**
 * The designer's state, one store per open workflow: the definition, the canvas of the flowchart being edited (a
 * nested one when `path` is not empty), selection, validation problems, panels — and the undo history. The page's
 * parts read what they show with selectors (`useDesigner((s) => s.dirty)`), so a node drag re-renders the canvas only.
 */

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

export function metaOf(w: WorkflowVersion): WorkflowMeta {
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

interface Snapshot {
  nodes: ActivityFlowNode[];
  edges: ConnectionEdge[];
  def: ElsaDefinition;
}

/** Edits of the same input within this time are one undo step (typing a name is not one step per letter). */
const MERGE_EDITS_MS = 1200;
const HISTORY_LIMIT = 200;

export type Drawer = 'problems' | 'simulate' | 'versions' | null;

export interface DesignerState {
  meta: WorkflowMeta;
  def: ElsaDefinition;
  /** The nested flowcharts opened, outermost first (empty: the root flowchart). */
  path: string[];
  nodes: ActivityFlowNode[];
  edges: ConnectionEdge[];
  selectedIds: string[];
  dirty: boolean;
  readOnly: boolean;
  /** Why an admin may not edit this workflow (a template, another locality's workflow), shown above the canvas. */
  readOnlyReason: string | null;
  /** The definition as the server last had it for this editor (loaded or saved): the base of a save-conflict merge. */
  base: ElsaDefinition;
  /** serialize() of `base` as this designer writes it: edits undone back to it leave nothing to save. */
  savedJson: string;
  problems: Problem[];
  drawer: Drawer;
  /** The definition the user could not save (someone else saved first): offered as a download. */
  conflict: ElsaDefinition | null;
  simulation: SimulationResult | null;
  busy: 'save' | 'publish' | 'layout' | null;
  past: Snapshot[];
  future: Snapshot[];
  lastEditKey: string | null;
  lastEditAt: number;
}

export interface DesignerActions {
  set: StoreApi<DesignerState>['setState'];
  /** Loads the stored workflow again into a fresh designer (after a revert, or a save conflict). */
  reload(): void;
  /** Records the state before an edit for undo; edits with the same key in quick succession are one step. */
  snapshot(key?: string): void;
  undo(): void;
  redo(): void;
  onNodesChange(changes: NodeChange<ActivityFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<ConnectionEdge>[]): void;
  connect(c: Connection): void;
  removeEdge(edgeId: string): void;
  addActivity(descriptor: ActivityDescriptor, position: { x: number; y: number }): void;
  updateActivity(id: string, update: (a: ElsaActivity) => ElsaActivity, key: string): void;
  updateDefinition(update: (d: ElsaDefinition) => ElsaDefinition, key: string): void;
  paste(payload: { activities?: ElsaActivity[]; connections?: unknown[] }, offset: { x: number; y: number }, descriptors: Map<string, ActivityDescriptor>): void;
  selectOnly(id: string): void;
  selectAll(): void;
  moveNodes(positions: Map<string, { x: number; y: number }>): void;
  applyProblems(list: Problem[]): void;
  /** Opens a nested flowchart (or goes back out): the current canvas is written into the definition first. */
  openPath(next: string[], descriptors: Map<string, ActivityDescriptor>): void;
  /** The definition with the canvas written into it: what is saved, validated and exported. */
  serialize(): ElsaDefinition;
  /** Whether the canvas and properties equal what was last loaded or saved (whatever `dirty` says). */
  unchanged(): boolean;
  /** After a save: `definition` is now what the server has. */
  markSaved(definition: ElsaDefinition): void;
}

export type DesignerStore = StoreApi<DesignerState & DesignerActions>;

export function createDesignerStore(
  initial: WorkflowVersion,
  descriptors: Map<string, ActivityDescriptor>,
  readOnly: boolean,
  reload: () => void,
  readOnlyReason: string | null = null,
): DesignerStore {
  const { nodes, edges } = toFlow(initial.definition.root, descriptors);
  const store = createStore<DesignerState & DesignerActions>()((set, get) => {
    const current = (): Snapshot => ({ nodes: get().nodes, edges: get().edges, def: get().def });
    const restore = (s: Snapshot) => set({ nodes: s.nodes, edges: s.edges, def: s.def, dirty: true });
    return {
      meta: metaOf(initial),
      def: initial.definition,
      path: [],
      nodes,
      edges,
      selectedIds: [],
      dirty: false,
      readOnly,
      readOnlyReason,
      base: initial.definition,
      savedJson: '',
      problems: [],
      drawer: null,
      conflict: null,
      simulation: null,
      busy: null,
      past: [],
      future: [],
      lastEditKey: null,
      lastEditAt: 0,

      set,
      reload,
      snapshot(key) {
        const now = Date.now();
        const s = get();
        if (key && s.lastEditKey === key && now - s.lastEditAt < MERGE_EDITS_MS) {
          set({ lastEditAt: now });
          return;
        }
        set({ past: [...s.past, current()].slice(-HISTORY_LIMIT), future: [], lastEditKey: key ?? null, lastEditAt: now, dirty: true });
      },
      undo() {
        const { past, future } = get();
        const s = past[past.length - 1];
        if (!s) return;
        set({ past: past.slice(0, -1), future: [...future, current()], lastEditKey: null });
        restore(s);
      },
      redo() {
        const { past, future } = get();
        const s = future[future.length - 1];
        if (!s) return;
        set({ future: future.slice(0, -1), past: [...past, current()], lastEditKey: null });
        restore(s);
      },
      onNodesChange(changes) {
        if (get().readOnly) changes = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
        const edited = changes.some((c) => c.type === 'remove' || c.type === 'add' || (c.type === 'position' && c.dragging === false));
        set((s) => ({ nodes: applyNodeChanges(changes, s.nodes), ...(edited ? { dirty: true } : {}) }));
      },
      onEdgesChange(changes) {
        if (get().readOnly) changes = changes.filter((c) => c.type === 'select');
        const edited = changes.some((c) => c.type === 'remove');
        set((s) => ({ edges: applyEdgeChanges(changes, s.edges), ...(edited ? { dirty: true } : {}) }));
      },
      connect(c) {
        if (get().readOnly || !c.source || !c.target || c.source === c.target) return;
        const port = c.sourceHandle ?? 'Done';
        if (get().edges.some((e) => e.source === c.source && e.target === c.target && e.sourceHandle === port)) return;
        get().snapshot();
        const raw = withEnds(null, { source: c.source, target: c.target, sourcePort: port, targetPort: 'In' });
        const id = `new:${endsOf(raw).source}:${port}->${c.target}:${Date.now()}`;
        set((s) => ({ edges: addEdge({ ...c, sourceHandle: port, targetHandle: 'In', id, data: { raw } }, s.edges) }));
      },
      removeEdge(edgeId) {
        if (get().readOnly) return;
        get().snapshot();
        set((s) => ({ edges: s.edges.filter((e) => e.id !== edgeId) }));
      },
      addActivity(d, position) {
        if (get().readOnly) return;
        get().snapshot();
        const s = get();
        const activity = newActivity(d, position, s.nodes.map((n) => n.data.activity), containerAt(s.def, s.path));
        set({
          nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), { id: activity.id, type: 'activity', position, data: { activity }, selected: true }],
        });
      },
      updateActivity(id, update, key) {
        if (get().readOnly) return;
        get().snapshot(`${id}:${key}`);
        set((s) => ({ nodes: s.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, activity: update(n.data.activity) } } : n)) }));
      },
      updateDefinition(update, key) {
        if (get().readOnly) return;
        get().snapshot(`wf:${key}`);
        set((s) => ({ def: update(s.def) }));
      },
      paste(payload, offset, descriptors) {
        if (get().readOnly) return;
        const s = get();
        const container = containerAt(s.def, s.path);
        const { activities, connections } = cloneForPaste(payload.activities ?? [], (payload.connections ?? []) as never[], offset, container);
        if (!activities.length) return;
        get().snapshot();
        const pasted = toFlow({ ...container, activities, connections }, descriptors);
        set((st) => ({
          nodes: [...st.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted.nodes.map((n) => ({ ...n, selected: true }))],
          edges: [...st.edges, ...pasted.edges],
        }));
      },
      selectOnly(id) {
        set((s) => ({ nodes: s.nodes.map((x) => (x.selected === (x.id === id) ? x : { ...x, selected: x.id === id })) }));
      },
      selectAll() {
        set((s) => ({ nodes: s.nodes.map((n) => (n.selected ? n : { ...n, selected: true })) }));
      },
      moveNodes(positions) {
        get().snapshot();
        set((s) => ({ nodes: s.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) }));
      },
      applyProblems(list) {
        const byId = problemsByActivity(list);
        set((s) => ({
          problems: list,
          nodes: s.nodes.map((n) => {
            const ps = byId.get(n.id);
            if (!ps && !n.data.problems) return n;
            return { ...n, data: { ...n.data, problems: ps } };
          }),
        }));
      },
      openPath(next, descriptors) {
        const committed = get().serialize();
        const flow = toFlow(containerAt(committed, next), descriptors);
        set({ def: committed, path: next, nodes: flow.nodes, edges: flow.edges, past: [], future: [], lastEditKey: null, lastEditAt: 0 });
      },
      serialize() {
        const { nodes: ns, edges: es, def, path } = get();
        return replaceContainer(def, path, fromFlow(containerAt(def, path), ns, es));
      },
      unchanged() {
        return JSON.stringify(get().serialize()) === get().savedJson;
      },
      markSaved(definition) {
        set({ base: definition, savedJson: JSON.stringify(get().serialize()), dirty: false });
      },
    };
  });
  store.setState({ savedJson: JSON.stringify(store.getState().serialize()) });
  return store;
}

/** Ports an activity has now, plus those its existing connections still use. */
export function portsOfNode(n: ActivityFlowNode, descriptors: Map<string, ActivityDescriptor>) {
  return [...portsOf(n.data.activity, descriptors.get(n.data.activity.type)), ...(n.data.extraPorts ?? [])];
}

export const DesignerStoreContext = createContext<DesignerStore | null>(null);

export function useDesignerStore(): DesignerStore {
  const store = useContext(DesignerStoreContext);
  if (!store) throw new Error('DesignerStoreContext missing');
  return store;
}

export function useDesigner<T>(selector: (s: DesignerState & DesignerActions) => T): T {
  return useStore(useDesignerStore(), selector);
}
