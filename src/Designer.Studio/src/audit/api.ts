import { api, idPath, qs } from '../api/client';
import type { ElsaDefinition, TimelineEntry } from '../api/types';

/*
 * The auditing endpoints (docs/api.md, "Auditing"): semantic diff, history, the hash-chained trail, journals, upstream
 * merges for clones and replay. Shapes follow the server's camelCase JSON; fields the views do not need stay loose.
 */

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 'rewired' | 'renamed';

export interface PropertyChange {
  name: string;
  old?: unknown;
  new?: unknown;
}

export interface Point {
  x: number;
  y: number;
}

export interface ActivityChange {
  activityId: string;
  kind: ChangeKind;
  type?: string | null;
  label?: string | null;
  properties?: PropertyChange[];
  moved?: boolean;
  from?: Point | null;
  to?: Point | null;
}

export interface ConnectionEnd {
  activity: string;
  port?: string | null;
}

export interface ConnectionChange {
  kind: ChangeKind;
  flowchart?: string;
  source: ConnectionEnd;
  oldTarget?: ConnectionEnd | null;
  newTarget?: ConnectionEnd | null;
}

export interface VariableChange {
  name: string;
  kind: ChangeKind;
  old?: unknown;
  new?: unknown;
}

export interface FieldChange {
  field: string;
  kind: ChangeKind;
  aspect?: string | null;
  old?: unknown;
  new?: unknown;
  renamedTo?: string | null;
}

export interface FormDiff {
  formId: string;
  kind: ChangeKind;
  fields: FieldChange[];
  oldVersion?: string | number | null;
  newVersion?: string | number | null;
}

export interface WorkflowDiff {
  definition: PropertyChange[];
  activities: ActivityChange[];
  connections: ConnectionChange[];
  variables: VariableChange[];
  forms: FormDiff[];
}

/** One side of a comparison: a version number, or {definitionId, version} (a template's version for `against`). */
export type DiffSide = number | { definitionId?: string; version?: number; [k: string]: unknown } | null | undefined;

export interface DiffCounts {
  definition?: number;
  activitiesAdded?: number;
  activitiesRemoved?: number;
  activitiesChanged?: number;
  activitiesMoved?: number;
  connections?: number;
  variables?: number;
  formFields?: number;
}

export interface DiffAnswer {
  from: DiffSide;
  to: DiffSide;
  /** The side's definition: a clone's template for `against=template`. */
  fromDefinitionId?: string;
  toDefinitionId?: string;
  diff: WorkflowDiff;
  text?: string;
  /** In words: "3 处变化，另有 1 个活动移动位置". */
  summary?: string;
  counts?: DiffCounts;
  hasSemanticChanges?: boolean;
  hasLayoutChanges?: boolean;
  fromDefinition?: ElsaDefinition;
  toDefinition?: ElsaDefinition;
}

export function sideVersion(side: DiffSide): number | undefined {
  if (typeof side === 'number') return side;
  if (side && typeof side === 'object' && typeof side.version === 'number') return side.version;
  return undefined;
}

export function sideDefinitionId(side: DiffSide): string | undefined {
  return side && typeof side === 'object' && typeof side.definitionId === 'string' ? side.definitionId : undefined;
}

const emptyDiff: WorkflowDiff = { definition: [], activities: [], connections: [], variables: [], forms: [] };

/** Missing lists become empty ones, so the views never test for undefined. */
export function normaliseDiff(d: Partial<WorkflowDiff> | null | undefined): WorkflowDiff {
  if (!d) return emptyDiff;
  return {
    definition: d.definition ?? [],
    activities: d.activities ?? [],
    connections: d.connections ?? [],
    variables: d.variables ?? [],
    forms: (d.forms ?? []).map((f) => ({ ...f, fields: f.fields ?? [] })),
  };
}

export async function getDiff(definitionId: string, params: { from?: number; to?: number; against?: string }): Promise<DiffAnswer> {
  const r = await api.get<DiffAnswer>(`/api/workflows/${idPath(definitionId)}/diff${qs(params)}`);
  return { ...r, diff: normaliseDiff(r?.diff) };
}

export interface AuditEntry {
  sequence: number;
  timestamp: string;
  actor: string;
  kind: string;
  subject: string;
  summary?: string;
  dataHash?: string;
  previousHash?: string;
  hash?: string;
  [k: string]: unknown;
}

export interface DiffSummary {
  activities?: number;
  added?: number;
  removed?: number;
  changed?: number;
  moved?: number;
  connections?: number;
  variables?: number;
  forms?: number;
  fields?: number;
  hasSemanticChanges?: boolean;
  text?: string;
  [k: string]: unknown;
}

export interface HistoryVersion {
  version: number;
  isPublished?: boolean;
  isLatest?: boolean;
  status?: string;
  updatedBy?: string;
  updatedAt?: string;
  createdBy?: string;
  createdAt?: string;
  publishedBy?: string;
  publishedAt?: string;
  audit?: AuditEntry[];
  entries?: AuditEntry[];
  /** What changed since the version before: {hasSemanticChanges, summary, counts, text, againstVersion}. */
  changes?: (DiffSummary & { summary?: string; counts?: DiffCounts; againstVersion?: number }) | null;
  diff?: DiffSummary | WorkflowDiff | string | null;
  summary?: DiffSummary | string | null;
  [k: string]: unknown;
}

export interface WorkflowHistory {
  definitionId: string;
  name?: string;
  locality?: string;
  clonedFrom?: unknown;
  versions: HistoryVersion[];
}

export async function getHistory(definitionId: string): Promise<WorkflowHistory> {
  const r = await api.get<any>(`/api/workflows/${idPath(definitionId)}/history`);
  if (Array.isArray(r)) return { definitionId, versions: r };
  return { ...r, definitionId: r?.definitionId ?? definitionId, versions: r?.versions ?? r?.items ?? [] };
}

export interface AuditPage {
  items: AuditEntry[];
  page: number;
  pageSize?: number;
  total?: number;
}

export async function getAudit(params: { subject?: string; kind?: string; page?: number }): Promise<AuditPage> {
  const r = await api.get<any>(`/api/audit${qs(params)}`);
  if (Array.isArray(r)) return { items: r, page: params.page ?? 1 };
  return { items: r?.items ?? r?.entries ?? [], page: r?.page ?? params.page ?? 1, pageSize: r?.pageSize, total: r?.total ?? r?.totalCount };
}

export interface ChainVerification {
  intact: boolean;
  firstBrokenSequence?: number | null;
  message?: string;
  entriesChecked?: number;
}

export const verifyChain = () => api.get<ChainVerification>('/api/audit/verify');

export interface JournalEntry extends Partial<AuditEntry> {
  /** {stage, action, dataHash (of the data given), comment, activityId, status}. */
  data?: { stage?: string; action?: string; dataHash?: string; comment?: string; status?: string; [k: string]: unknown } | null;
  /** False from the first broken entry of the chain on. */
  verified?: boolean;
  stage?: string;
  stageName?: string;
  action?: string;
  actionName?: string;
  /** The committee session a vote entry names, by committee and date (its comment holds the session id). */
  sessionName?: string;
  dataHash?: string;
  [k: string]: unknown;
}

export async function getJournal(applicationId: string): Promise<{ entries: JournalEntry[]; [k: string]: unknown }> {
  const r = await api.get<any>(`/api/applications/${encodeURIComponent(applicationId)}/journal`);
  if (Array.isArray(r)) return { entries: r };
  return { ...r, entries: r?.entries ?? r?.items ?? r?.journal ?? [] };
}

export interface MergeConflict {
  key: string;
  kind: string;
  id: string;
  property: string;
  base?: unknown;
  theirs?: unknown;
  ours?: unknown;
  /** For form field conflicts: the form they concern. */
  formId?: string;
  [k: string]: unknown;
}

/** A form the template changed, merged field by field onto the clone's form (its locality copy, or the same form). */
export interface FormMerge {
  /** The clone's form: the one a merge saves a new draft of. */
  formId: string;
  templateFormId?: string;
  baseVersion?: number;
  theirsVersion?: number;
  oursVersion?: number;
  clean?: boolean;
  /** The merge changes the clone's form (a new draft is saved). */
  changes?: boolean;
  /** Keys "form:<formId>:field:<name>", resolved like activity conflicts. */
  conflicts: MergeConflict[];
}

/** A form draft the merge saved (nothing is published). */
export interface SavedFormDraft {
  formId: string;
  templateFormId?: string;
  version: number;
}

export interface Upstream {
  definitionId?: string;
  /** The template version the clone is based on. */
  clonedFrom?: { definitionId?: string; version?: number } | null;
  template?: { definitionId?: string; name?: string; latestPublishedVersion?: number | null } | null;
  changed?: boolean;
  /** The clone's latest version: the merge is saved over it. */
  current?: { version?: number; concurrencyToken?: string; isPublished?: boolean } | null;
  /** What the template changed (base → its published version). */
  diff: WorkflowDiff;
  summary?: string;
  preview?: { merged?: ElsaDefinition | null; isClean?: boolean; conflicts?: MergeConflict[] } | null;
  /** Forms the template changed, merged onto the clone's forms; saved as new form drafts by the merge. */
  formMerges: FormMerge[];
}

export async function getUpstream(definitionId: string): Promise<Upstream> {
  const r = await api.get<any>(`/api/workflows/${idPath(definitionId)}/upstream`);
  // `diff` is the summary {hasSemanticChanges, summary, counts, diff, text}, or the diff itself.
  const d = r?.diff && typeof r.diff === 'object' && 'diff' in r.diff ? r.diff.diff : r?.diff;
  return { ...r, diff: normaliseDiff(d ?? undefined), summary: r?.diff?.summary, formMerges: (r?.formMerges ?? []).map((f: FormMerge) => ({
      ...f,
      conflicts: (f.conflicts ?? []).map((c) => ({ ...c, id: c.id ?? (c.field as string), formId: f.formId })),
    })),
  };
}

export const mergeUpstream = (definitionId: string, resolutions: Record<string, 'theirs' | 'ours'>, concurrencyToken?: string) =>
  api.post<{ version?: number; formDrafts?: SavedFormDraft[] } & Record<string, unknown>>(`/api/workflows/${idPath(definitionId)}/upstream/merge`, {
    resolutions,
    concurrencyToken,
  });

export interface SimulationRun {
  status: string;
  granted?: any;
  path?: TimelineEntry[];
  errors?: { path?: string; message: string }[];
  [k: string]: unknown;
}

export interface ReplayAnswer {
  from: SimulationRun;
  to: SimulationRun;
  divergence?: { index: number; from?: TimelineEntry | null; to?: TimelineEntry | null } | null;
  outcomeChanged: boolean;
  summary?: string;
}

export const replay = (body: { definitionId: string; fromVersion: number; toVersion: number; case?: unknown; applicationId?: string }) =>
  api.post<ReplayAnswer>('/api/replay', body);
