/* Shapes of the server's answers (docs/api.md). Fields the Studio does not use are left out or kept loose. */

export interface Me {
  userName: string;
  displayName?: string;
  roles: string[];
  locality?: string | null;
  org?: string | null;
}

export interface PortDescriptor {
  name: string;
  displayName: string;
}

export interface OptionDescriptor {
  value: string;
  label: string;
}

export interface InputDescriptor {
  name: string;
  displayName: string;
  typeName: string;
  uiHint: string;
  required: boolean;
  defaultValue: unknown;
  options?: OptionDescriptor[] | null;
  category: string;
  description: string;
  supportsExpressions: boolean;
}

export interface ActivityDescriptor {
  typeName: string;
  displayName: string;
  category: string;
  description: string;
  ports: PortDescriptor[];
  portsFromInput?: string | null;
  inputs: InputDescriptor[];
  isTerminal: boolean;
  isPersonStep: boolean;
}

/** Code → Chinese label maps. */
export interface Vocabulary {
  localities: Record<string, string>;
  departments: Record<string, string>;
  stages: Record<string, string>;
  actions: Record<string, string>;
  roles: Record<string, string>;
  portLabels: Record<string, string>;
  organisationPlaceholders: string[];
}

export interface WorkflowSummary {
  definitionId: string;
  name?: string;
  description?: string;
  locality?: string;
  version: number;
  latestVersion?: number;
  publishedVersion?: number | null;
  isPublished?: boolean;
  isLatest?: boolean;
  status?: string;
  updatedBy?: string;
  updatedAt?: string;
  clonedFrom?: string | { definitionId?: string; version?: number } | null;
  [key: string]: unknown;
}

export interface WorkflowVersion {
  definitionId: string;
  version: number;
  isPublished: boolean;
  isLatest?: boolean;
  status?: string;
  concurrencyToken?: string;
  updatedBy?: string;
  updatedAt?: string;
  locality?: string;
  definition: ElsaDefinition;
  [key: string]: unknown;
}

export interface ElsaDefinition {
  id?: string;
  definitionId?: string;
  name?: string;
  description?: string;
  version?: number;
  variables?: ElsaVariable[];
  customProperties?: Record<string, any>;
  root: ElsaActivity;
  [key: string]: any;
}

export interface ElsaVariable {
  id?: string;
  name: string;
  typeName?: string;
  value?: unknown;
  [key: string]: any;
}

export interface ElsaActivity {
  id: string;
  type: string;
  name?: string;
  nodeId?: string;
  version?: number;
  customProperties?: Record<string, any>;
  metadata?: { designer?: { position?: { x: number; y: number }; size?: any; [k: string]: any }; displayText?: string; [k: string]: any };
  activities?: ElsaActivity[];
  connections?: ElsaConnection[];
  [key: string]: any;
}

export type ElsaConnection =
  | { source: { activity: string; port?: string | null }; target: { activity: string; port?: string | null }; vertices?: any[]; [k: string]: any }
  | { source: string; target: string; sourcePort?: string | null; targetPort?: string | null; [k: string]: any };

export interface Problem {
  activityId?: string | null;
  path?: string | null;
  code?: string | null;
  message: string;
  severity?: string;
}

export interface FormSummary {
  formId: string;
  version?: number;
  title?: string;
  isPublished?: boolean;
  status?: string;
  updatedBy?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

export interface FormVersion {
  formId: string;
  version?: number;
  schema: any;
  uiSchema?: any;
  resolvedSchema?: any;
  resolvedUiSchema?: any;
  concurrencyToken?: string;
  isPublished?: boolean;
  [key: string]: unknown;
}

export interface Procedure {
  definitionId: string;
  version?: number;
  name?: string;
  description?: string;
  locality?: string;
  form?: string | null;
  formId?: string | null;
  scope?: any;
  [key: string]: unknown;
}

export interface TimelineEntry {
  stage?: string;
  activityId?: string;
  activityName?: string;
  assignee?: { org?: string; role?: string; resolvedOrg?: string | null } | null;
  action?: string;
  date?: string;
  at?: string;
  actor?: string | null;
  comment?: string | null;
  data?: any;
  reasons?: string[] | null;
}

export interface TaskSummary {
  id: string;
  applicationId?: string;
  stage?: string;
  title?: string;
  org?: string;
  role?: string;
  actions?: string[];
  form?: string | null;
  dueDate?: string | null;
  createdAt?: string;
  status?: string;
  applicantName?: string;
  instructions?: string;
  definitionId?: string;
  [key: string]: unknown;
}

export interface Application {
  id: string;
  definitionId?: string;
  version?: number;
  status?: string;
  data?: any;
  draft?: boolean;
  createdAt?: string;
  updatedAt?: string;
  procedureName?: string;
  name?: string;
  timeline?: TimelineEntry[];
  pendingTasks?: TaskSummary[];
  currentStage?: string;
  granted?: any;
  certificateNumber?: string | null;
  [key: string]: unknown;
}
