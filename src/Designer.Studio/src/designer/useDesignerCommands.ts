import { useReactFlow } from '@xyflow/react';
import { createContext, useContext, useMemo, useRef } from 'react';
import { api, ApiError, idPath } from '../api/client';
import { useWrite } from '../api/query';
import type { ElsaDefinition, Problem, WorkflowVersion } from '../api/types';
import { useDescriptorMap } from '../catalog';
import { useToast } from '../components/ui';
import { i18n, useT } from '../i18n';
import { autoLayout } from './layout';
import { containerAt, fromFlow, type ActivityFlowNode, type ConnectionEdge } from './model';
import { localMessage } from '../i18n/localMessage';
import { metaOf, portsOfNode, useDesignerStore } from './store';

/** What the toolbar, the keyboard and the panels can ask the designer to do (server calls, layout, clipboard). */
export interface DesignerCommands {
  validate(quiet?: boolean): Promise<Problem[] | null>;
  save(): Promise<boolean>;
  publish(): Promise<void>;
  retract(): Promise<void>;
  exportJson(): void;
  layout(): Promise<void>;
  copy(): void;
  paste(): void;
  deleteSelected(): void;
  addActivityAt(typeName: string, screen?: { x: number; y: number }): void;
  focusActivity(id: string): void;
  openPath(next: string[]): void;
}

let clipboard: string | null = null;

function pickTop(d: ElsaDefinition): Partial<ElsaDefinition> {
  const { root: _root, ...rest } = d;
  return rest;
}

/** The designer's commands, made once per open workflow (they read the store when they run, never stale props). */
export function useDesignerCommandsValue(): DesignerCommands {
  const store = useDesignerStore();
  const t = useT();
  const toast = useToast();
  const descriptors = useDescriptorMap();
  const flow = useReactFlow<ActivityFlowNode, ConnectionEdge>();
  // Validation writes nothing: it does not make the lists on screen refetch.
  const check = useWrite({ invalidates: false });
  const write = useWrite();
  const pasteCount = useRef(0);

  return useMemo<DesignerCommands>(() => {
    const state = store.getState;
    const validate: DesignerCommands['validate'] = async (quiet = false) => {
      const { applyProblems, set } = state();
      try {
        const r = await check(() => api.post<any>('/api/workflows/validate', state().serialize()));
        const list: Problem[] = Array.isArray(r) ? r : (r?.problems ?? r?.errors ?? []);
        applyProblems(list);
        if (!quiet) {
          toast(list.length ? t('发现 {n} 个问题', { n: list.length }) : t('校验通过，没有发现问题'), list.length ? 'error' : 'ok');
          if (list.length) set({ drawer: 'problems' });
        }
        return list;
      } catch (e) {
        if (e instanceof ApiError && e.status === 422) {
          applyProblems(e.errors as Problem[]);
          if (!quiet) set({ drawer: 'problems' });
          return e.errors as Problem[];
        }
        if (!quiet) toast(t('校验失败：{message}', { message: (e as Error).message }), 'error');
        return null;
      }
    };

    const save: DesignerCommands['save'] = async () => {
      const { set, serialize, applyProblems, unchanged } = state();
      // Nothing differs from the stored version: saving would only open a new version of a published workflow.
      if (unchanged()) {
        set({ dirty: false });
        toast(t('没有修改，无需保存'), 'info');
        return true;
      }
      set({ busy: 'save' });
      try {
        const definition = serialize();
        const m0 = state().meta;
        const r = await write(() =>
          api.put<WorkflowVersion>(`/api/workflows/${idPath(m0.definitionId)}/draft`, { definition, baseVersion: m0.version, concurrencyToken: m0.concurrencyToken }),
        );
        if (r && typeof r === 'object') {
          set((s) => ({ meta: { ...m0, ...metaOf({ ...r, definition: r.definition ?? definition }) }, def: r.definition ? { ...s.def, ...pickTop(r.definition) } : s.def }));
        }
        state().markSaved(r?.definition ?? definition);
        toast(t('草稿已保存'), 'ok');
        void validate(true);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          set({ conflict: serialize() });
          return false;
        }
        if (e instanceof ApiError && (e.status === 422 || e.status === 400) && e.errors.length) {
          applyProblems(e.errors as Problem[]);
          set({ drawer: 'problems' });
        }
        toast(t('保存失败：{message}', { message: localMessage(e instanceof Error ? e.message : String(e), i18n.language) }), 'error');
        return false;
      } finally {
        set({ busy: null });
      }
    };

    const publish: DesignerCommands['publish'] = async () => {
      if (state().dirty && !state().unchanged() && !(await save())) return;
      const { set, applyProblems, serialize, meta } = state();
      set({ busy: 'publish' });
      try {
        const r = await write(() => api.post<WorkflowVersion>(`/api/workflows/${idPath(meta.definitionId)}/publish`, {}));
        if (r && typeof r === 'object' && (r.version || r.definition))
          set((s) => ({ meta: { ...s.meta, ...metaOf({ ...r, definition: r.definition ?? serialize() }), isPublished: true } }));
        else set((s) => ({ meta: { ...s.meta, isPublished: true } }));
        applyProblems([]);
        toast(t('已发布第 {v} 版', { v: r?.version ?? meta.version }), 'ok');
      } catch (e) {
        if (e instanceof ApiError && e.status === 422) {
          applyProblems(e.errors as Problem[]);
          set({ drawer: 'problems' });
          toast(t('未能发布：校验发现 {n} 个问题', { n: e.errors.length }), 'error');
        } else toast(t('发布失败：{message}', { message: localMessage((e as Error).message, i18n.language) }), 'error');
      } finally {
        set({ busy: null });
      }
    };

    const retract: DesignerCommands['retract'] = async () => {
      if (!window.confirm(t('撤回后，申报人将不能再选择本流程。确定撤回？'))) return;
      const { meta, set } = state();
      try {
        await write(() => api.post(`/api/workflows/${idPath(meta.definitionId)}/retract`, {}));
        set((s) => ({ meta: { ...s.meta, isPublished: false } }));
        toast(t('已撤回'), 'ok');
      } catch (e) {
        toast(t('撤回失败：{message}', { message: (e as Error).message }), 'error');
      }
    };

    const exportJson = () => {
      const { meta, serialize } = state();
      const blob = new Blob([JSON.stringify(serialize(), null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${meta.definitionId.replace(/\//g, '_')}-v${meta.version}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    };

    const layout = async () => {
      const { readOnly, nodes, edges, set, moveNodes } = state();
      if (readOnly) return;
      set({ busy: 'layout' });
      try {
        const selected = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
        const positions = await autoLayout(nodes, edges, (n) => portsOfNode(n, descriptors), selected.size > 1 ? selected : undefined);
        moveNodes(positions);
        requestAnimationFrame(() => flow.fitView({ padding: 0.15, duration: 300 }));
      } catch (e) {
        toast(t('自动布局失败：{message}', { message: (e as Error).message }), 'error');
      } finally {
        set({ busy: null });
      }
    };

    const copy = () => {
      const { nodes, edges, def, path } = state();
      const selected = nodes.filter((n) => n.selected);
      if (!selected.length) return;
      const ids = new Set(selected.map((n) => n.id));
      const container = fromFlow(containerAt(def, path), selected, edges.filter((e) => ids.has(e.source) && ids.has(e.target)));
      const payload = JSON.stringify({ kind: 'designer-activities', activities: container.activities, connections: container.connections });
      clipboard = payload;
      pasteCount.current = 0;
      try {
        void navigator.clipboard?.writeText(payload);
      } catch {
        /* clipboard permission is optional */
      }
      toast(t('已复制 {n} 个活动', { n: selected.length }), 'info');
    };

    const paste = () => {
      if (state().readOnly || !clipboard) return;
      pasteCount.current += 1;
      const offset = { x: 40 * pasteCount.current, y: 40 * pasteCount.current };
      state().paste(JSON.parse(clipboard), offset, descriptors);
    };

    const deleteSelected = () => {
      const { readOnly, nodes, edges } = state();
      if (readOnly) return;
      const selectedNodes = nodes.filter((n) => n.selected);
      const selectedEdges = edges.filter((e) => e.selected);
      if (!selectedNodes.length && !selectedEdges.length) return;
      void flow.deleteElements({ nodes: selectedNodes, edges: selectedEdges });
    };

    const addActivityAt = (typeName: string, screen?: { x: number; y: number }) => {
      const d = descriptors.get(typeName);
      if (!d || state().readOnly) return;
      const pane = document.querySelector('.designer-canvas')?.getBoundingClientRect();
      const point = screen ?? { x: (pane?.left ?? 0) + (pane?.width ?? 800) / 2 - 110, y: (pane?.top ?? 0) + (pane?.height ?? 600) / 2 - 40 };
      state().addActivity(d, flow.screenToFlowPosition(point));
    };

    const focusActivity = (id: string) => {
      const n = state().nodes.find((x) => x.id === id);
      if (!n) return;
      state().selectOnly(id);
      const w = n.measured?.width ?? 220;
      const h = n.measured?.height ?? 100;
      void flow.setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
    };

    const openPath = (next: string[]) => {
      state().openPath(next, descriptors);
      requestAnimationFrame(() => flow.fitView({ padding: 0.15 }));
    };

    return { validate, save, publish, retract, exportJson, layout, copy, paste, deleteSelected, addActivityAt, focusActivity, openPath };
  }, [store, t, toast, descriptors, flow, check, write]);
}

export const DesignerCommandsContext = createContext<DesignerCommands | null>(null);

export function useDesignerCommands(): DesignerCommands {
  const commands = useContext(DesignerCommandsContext);
  if (!commands) throw new Error('DesignerCommandsContext missing');
  return commands;
}
