import { ReactFlowProvider } from '@xyflow/react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, idPath } from '../api/client';
import { useApiQuery } from '../api/query';
import type { WorkflowVersion } from '../api/types';
import { hasRole, isAdmin, Roles, useAuth } from '../auth';
import type { Me } from '../api/types';
import { useCatalog, useDescriptorMap, useLabels } from '../catalog';
import { ErrorBox, Spinner } from '../components/ui';
import { UnsavedChangesGuard } from '../components/UnsavedChangesGuard';
import { useI18n } from '../i18n';
import { DesignerViewContext, type DesignerView } from './context';
import { DesignerCanvas } from './DesignerCanvas';
import { DesignerDrawer } from './DesignerDrawer';
import { DesignerSidePanel } from './DesignerSidePanel';
import { DesignerBreadcrumbs, DesignerToolbar } from './DesignerToolbar';
import { SaveConflictDialog } from './SaveConflictDialog';
import { createDesignerStore, DesignerStoreContext, metaOf, useDesigner } from './store';
import { Toolbox } from './Toolbox';
import { DesignerCommandsContext, useDesignerCommands, useDesignerCommandsValue } from './useDesignerCommands';
import { useDesignerEffects, useDesignerKeyboard, useSimulationHighlight } from './useDesignerEffects';

/** The locality of the shared templates every locality clones from. */
const TEMPLATES = 'templates';

async function loadWorkflow(definitionId: string, version?: number) {
  const url = `/api/workflows/${idPath(definitionId)}${version ? `/versions/${version}` : ''}`;
  try {
    return await api.get<WorkflowVersion>(url);
  } catch (e) {
    // A server without /versions/{n} answers 404/405: fall back to ?version=.
    if (version && e instanceof ApiError && (e.status === 404 || e.status === 405)) return api.get<WorkflowVersion>(`/api/workflows/${idPath(definitionId)}?version=${version}`);
    throw e;
  }
}

/** `#/workflows/<id>` (`?version=N`: an older version, read-only): loads the workflow and opens the designer on it. */
export function DesignerPage({ definitionId, version }: { definitionId: string; version?: number }) {
  const { t } = useI18n();
  const queryKey = useMemo(() => ['workflow', definitionId, version ?? 'latest'], [definitionId, version]);
  const { data, error, loading, reload } = useApiQuery(queryKey, () => loadWorkflow(definitionId, version));
  const queryClient = useQueryClient();
  // Each load of the stored workflow opens a fresh designer (the query refetches in the background otherwise, and an
  // open designer keeps its edits).
  const [generation, setGeneration] = useState(0);
  const reopen = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey });
    setGeneration((g) => g + 1);
  }, [queryClient, queryKey]);
  if (loading) return <Spinner label={t('正在打开流程…')} />;
  if (error || !data)
    return (
      <div className="main">
        <ErrorBox error={error ?? t('流程不存在')} onRetry={reload} />
      </div>
    );
  return (
    <ReactFlowProvider>
      <Designer key={generation} initial={data} viewingVersion={version} onReload={reopen} />
    </ReactFlowProvider>
  );
}

function Designer({ initial, viewingVersion, onReload }: { initial: WorkflowVersion; viewingVersion?: number; onReload: () => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const labels = useLabels();
  const descriptors = useDescriptorMap();
  const [store] = useState(() => {
    const reason = lockedFor(me, initial.definition.customProperties?.locality);
    const readOnly = !isAdmin(me) || reason !== null || (viewingVersion !== undefined && metaOf(initial).isLatest === false);
    return createDesignerStore(initial, descriptors, readOnly, onReload, reason && t(reason));
  });
  const readOnly = store.getState().readOnly;
  const view: DesignerView = useMemo(() => ({ descriptors, labels, readOnly, t }), [descriptors, labels, readOnly, t]);
  return (
    <DesignerStoreContext.Provider value={store}>
      <DesignerViewContext.Provider value={view}>
        <WithCommands>
          <DesignerLayout />
        </WithCommands>
      </DesignerViewContext.Provider>
    </DesignerStoreContext.Provider>
  );
}

/** Why an admin may not change a workflow of this locality (the server refuses the save all the same), or null. */
function lockedFor(me: Me | null, locality: unknown): string | null {
  if (!isAdmin(me) || hasRole(me, Roles.policyAdmin)) return null;
  if (locality === TEMPLATES) return '模板只能由政策管理员修改，可克隆到本地区后修改';
  if (typeof locality === 'string' && locality !== me?.locality) return '只能修改本地区的流程，可克隆到本地区后修改';
  return null;
}

function WithCommands({ children }: { children: ReactNode }) {
  const commands = useDesignerCommandsValue();
  return <DesignerCommandsContext.Provider value={commands}>{children}</DesignerCommandsContext.Provider>;
}

/** The designer's parts; each reads from the store only what it shows. */
function DesignerLayout() {
  const { descriptors: descriptorList } = useCatalog();
  const { addActivityAt } = useDesignerCommands();
  const unsaved = useDesigner((s) => s.dirty && !s.readOnly);
  return (
    <>
      <DesignerEffects />
      <UnsavedChangesGuard when={unsaved} />
      <div className="designer">
        <DesignerToolbar />
        <DesignerBreadcrumbs />
        <div className="designer-body">
          <Toolbox descriptors={descriptorList} onAdd={addActivityAt} />
          <div className="designer-center">
            <DesignerCanvas />
            <DesignerDrawer />
          </div>
          <DesignerSidePanel />
        </div>
      </div>
      <SaveConflictDialog />
    </>
  );
}

/** The designer's background work (no output of its own, so what it watches re-renders nothing else). */
function DesignerEffects() {
  useDesignerEffects();
  useDesignerKeyboard();
  useSimulationHighlight();
  return null;
}
