import { resolveExtends } from '../forms/schemaUtils';
import { api, idPath } from './client';
import { getAll } from './paged';
import type { FormSummary, FormVersion } from './types';

export function listForms(): Promise<FormSummary[]> {
  return getAll<any>('/api/forms').then((forms) => forms.map(normaliseSummary));
}

function normaliseSummary(f: any): FormSummary {
  return {
    ...f,
    formId: f.formId ?? f.id,
    title: f.title ?? f.schema?.title,
    version: f.latestVersion ?? f.version,
    isPublished: f.isPublished ?? (f.publishedVersion !== undefined ? f.publishedVersion !== null : undefined),
  };
}

export function loadForm(formId: string, version?: number): Promise<FormVersion> {
  return api.get<any>(`/api/forms/${idPath(formId)}${version ? `?version=${version}` : ''}`).then((f) => ({
    ...f,
    formId: f.formId ?? formId,
    schema: f.schema ?? {},
    uiSchema: f.uiSchema ?? f.ui ?? {},
  }));
}

/**
 * The form as applicants see it: the server's resolved schema when it sends one, else x-extends merged here. `version`:
 * the version a published workflow pinned (what the server validates an application against), else the latest.
 */
export async function loadResolvedForm(formId: string, version?: number | null): Promise<{ schema: any; uiSchema: any; form: FormVersion }> {
  const form = await loadForm(formId, version ?? undefined);
  if (form.resolvedSchema) return { schema: form.resolvedSchema, uiSchema: form.resolvedUiSchema ?? form.uiSchema ?? {}, form };
  const r = await resolveSchema(form.schema, form.uiSchema);
  return { ...r, form };
}

export function resolveSchema(schema: any, uiSchema: any) {
  return resolveExtends(schema, uiSchema ?? {}, (id) => loadForm(id).then((f) => ({ schema: f.resolvedSchema ?? f.schema, uiSchema: f.resolvedUiSchema ?? f.uiSchema })));
}
