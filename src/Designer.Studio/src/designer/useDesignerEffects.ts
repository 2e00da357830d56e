import { useEffect } from 'react';
import { useDescriptorMap } from '../catalog';
import { containerAt, fromFlow, portsOf, toFlow } from './model';
import { useDesigner, useDesignerStore } from './store';
import { useDesignerCommands } from './useDesignerCommands';
import { useNodeData } from './useNodeData';

/** What the designer keeps up to date by itself while it is open. */
export function useDesignerEffects() {
  const store = useDesignerStore();
  const descriptors = useDescriptorMap();
  const { validate } = useDesignerCommands();
  const nodeData = useNodeData();
  const edges = useDesigner((s) => s.edges);

  // Descriptors may arrive after the definition: recompute stale-port markers once they do.
  useEffect(() => {
    if (descriptors.size === 0) return;
    const { def, path, nodes, edges: es, set } = store.getState();
    const { nodes: fresh } = toFlow(fromFlow(containerAt(def, path), nodes, es), descriptors);
    const extra = new Map(fresh.map((n) => [n.id, n.data.extraPorts]));
    set((s) => ({ nodes: s.nodes.map((n) => (sameList(n.data.extraPorts, extra.get(n.id)) ? n : { ...n, data: { ...n.data, extraPorts: extra.get(n.id) } })) }));
  }, [descriptors, store]);

  // Ports removed by an edit (an action unticked) take their connections with them (undo brings both back).
  useEffect(() => {
    if (!descriptors.size) return;
    const portsById = new Map(nodeData.map((d) => [d.activity.id, new Set([...portsOf(d.activity, descriptors.get(d.activity.type)), ...(d.extraPorts ?? [])])]));
    const stale = new Set(edges.filter((e) => portsById.has(e.source) && !portsById.get(e.source)!.has(e.sourceHandle ?? 'Done')));
    if (stale.size) store.getState().set((s) => ({ edges: s.edges.filter((e) => !stale.has(e)) }));
  }, [nodeData, edges, descriptors, store]);

  // Once problems are shown, keep them current: re-validate (quietly) a moment after each edit.
  const showingProblems = useDesigner((s) => s.problems.length > 0);
  const dirty = useDesigner((s) => s.dirty);
  const def = useDesigner((s) => s.def);
  useEffect(() => {
    if (!showingProblems || !dirty) return;
    const timer = window.setTimeout(() => void validate(true), 1200);
    return () => window.clearTimeout(timer);
  }, [showingProblems, dirty, nodeData, edges, def, validate]);
}

export function sameList(a?: string[], b?: string[]) {
  if (a === b) return true;
  if (!a || !b) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Ctrl+S, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, Ctrl+C / Ctrl+V, Ctrl+A and Delete, wherever the focus is on the page. */
export function useDesignerKeyboard() {
  const store = useDesignerStore();
  const { save, copy, paste, deleteSelected } = useDesignerCommands();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { readOnly, undo, redo, selectAll } = store.getState();
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
        if (!readOnly) undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        if (!readOnly) redo();
      } else if (k === 'c') copy();
      else if (k === 'v') paste();
      else if (k === 'a') {
        e.preventDefault();
        selectAll();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, save, copy, paste, deleteSelected]);
}

/** A simulation's path lights up on the canvas step by step: numbered green frames, animated connections. */
export function useSimulationHighlight() {
  const store = useDesignerStore();
  const simulation = useDesigner((s) => s.simulation);
  useEffect(() => {
    const steps = simulation?.path ?? [];
    const show = (revealed: number) => {
      const order = new Map<string, number>();
      steps.slice(0, revealed).forEach((s, i) => {
        if (s.activityId && !order.has(s.activityId)) order.set(s.activityId, i + 1);
      });
      store.getState().set((s) => ({
        nodes: s.nodes.map((n) => (n.data.reached === order.get(n.id) ? n : { ...n, data: { ...n.data, reached: order.get(n.id) } })),
        edges: s.edges.map((e) => {
          const on = order.has(e.source) && order.has(e.target) && order.get(e.target)! > order.get(e.source)!;
          if (!!e.animated === on) return e;
          return { ...e, animated: on, className: on ? 'edge-reached' : undefined };
        }),
      }));
    };
    show(0);
    if (!simulation) return;
    let i = 0;
    const timer = window.setInterval(() => {
      i += 1;
      show(i);
      if (i >= steps.length) window.clearInterval(timer);
    }, 350);
    return () => window.clearInterval(timer);
  }, [simulation, store]);
}
