/*
 * Shapes of the server's answers. They are generated from the server's OpenAPI document (./openapi.json →
 * ./openapi.ts, `npm run api:types`; docs/api.md says how both are refreshed) and exported here under the names the
 * Studio uses. Only JSON the server passes through unread (an Elsa definition, a form's JSON Schema, application data)
 * is typed by hand below.
 */
import type { components } from './openapi';

type Schemas = components['schemas'];

/** A JSON Schema or UI schema as stored (RJSF reads it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonSchemaDocument = any;

export type Me = Schemas['Me'];
export type PortDescriptor = Schemas['PortDescriptor'];
export type OptionDescriptor = Schemas['OptionDescriptor'];
export type InputDescriptor = Schemas['InputDescriptor'];
export type ActivityDescriptor = Schemas['ActivityDescriptor'];
/** Code → Chinese label maps. */
export type Vocabulary = Schemas['VocabularyLists'];

export type WorkflowSummary = Schemas['WorkflowSummary'];
export type WorkflowVersionSummary = Schemas['WorkflowVersionSummary'];
export type WorkflowVersion = Omit<Schemas['WorkflowVersion'], 'definition'> & { definition: ElsaDefinition };
/** A validator finding (also each `errors[]` entry of a 422 on publish). */
export type Problem = Schemas['WorkflowProblem'];
export type ProblemDetails = Schemas['ProblemDetails'];
export type InvalidProblemDetails = Schemas['InvalidProblemDetails'];

export type FormSummary = Schemas['FormSummary'];
export type FormVersion = Omit<Schemas['FormVersion'], 'schema' | 'uiSchema' | 'resolvedSchema' | 'resolvedUiSchema'> & {
  schema: JsonSchemaDocument;
  uiSchema: JsonSchemaDocument;
  resolvedSchema: JsonSchemaDocument | null;
  resolvedUiSchema: JsonSchemaDocument | null;
};

export type Procedure = Schemas['Procedure'];
export type CalendarWindow = Schemas['CalendarWindow'];
export type CalendarHoliday = Schemas['CalendarHoliday'];
export type CalendarPage<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TimelineEntry = Schemas['TimelineEntry'];
export type TaskSummary = Schemas['TaskSummary'];
export type TaskDetail = Schemas['TaskDetail'];
export type ApplicationSummary = Schemas['ApplicationSummary'];
/** An application with its data (the applicant's form data as saved). */
export type Application = Omit<Schemas['ApplicationDetail'], 'data' | 'granted'> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
  /** What a completed application was granted (series, level, directed, validIn, certificate number). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  granted: Record<string, any> | null;
};

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

/** One page of a list (`{items,total,page,pageSize}`). */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export type OperationsInstance = Schemas['OperationsInstance'];
export type OperationsStep = Schemas['OperationsStep'];
export type NotificationPage = Schemas['NotificationPage'];
export type NotificationItem = Schemas['NotificationItem'];
export type ImpactReport = Schemas['ImpactReport'];
export type ImpactRow = Schemas['ImpactRow'];
export type ImpactStep = Schemas['ImpactStep'];
/** People (/api/users): a user as admins see them (the ID number only masked). */
export type UserView = Schemas['UserView'];
export type UserPage = Schemas['PagedOfUserView'];
export type StepHolderView = Schemas['StepHolderView'];
export type ImportResult = Schemas['ImportResult'];
export type ResetPasswordResult = Schemas['ResetPasswordResult'];
export type RegistrationInfo = Schemas['RegistrationInfo'];
