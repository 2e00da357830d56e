/** The organisations registry as the server answers it (World/OrganisationEndpoints.cs). */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  locality: string;
  county?: string | null;
  employmentType?: string | null;
  quota?: number | null;
  autonomousEvaluation?: boolean | null;
  autonomousEvaluationReference?: string | null;
  /** The day a unit's own application for autonomous evaluation was approved (written by that procedure). */
  autonomousEvaluationOn?: string | null;
  active?: boolean | null;
}

export type OrganisationKind = 'department' | 'unit' | 'enterprise-committee';

/** The Chinese names of the kinds (English via i18n). */
export const kindLabels: Record<OrganisationKind, string> = {
  department: '主管部门',
  unit: '用人单位',
  'enterprise-committee': '企业职称评审委员会',
};

/**
 * The id the server expects for a new organisation: `<locality>/<department>` or `<locality>/<county>/<department>`
 * for a department, `<locality>/unit/<slug>` and `<locality>/enterprise/<slug>` for the others.
 */
export function organisationId(kind: OrganisationKind, locality: string, parts: { county?: string; department?: string; slug?: string }) {
  if (kind === 'department') return [locality, parts.county, parts.department].filter(Boolean).join('/');
  return `${locality}/${kind === 'unit' ? 'unit' : 'enterprise'}/${parts.slug ?? ''}`;
}
