import type { ElsaDefinition } from '../api/types';

/** The applicant fields of a simulation case (contract.md), prefilled from the workflow's declared scope. */
export function sampleApplicant(definition: ElsaDefinition | undefined) {
  const scope = definition?.customProperties?.scope ?? {};
  return {
    name: '测试申报人',
    county: '和静县',
    unit: '和静县第一小学',
    employmentType: scope.employmentTypes?.[0] ?? 'public-institution',
    workplaceLevel: 'township',
    series: scope.series?.[0] ?? 'teacher',
    level: scope.levels?.[0] ?? 'intermediate',
    kind: scope.kinds?.[0] ?? 'general',
    education: 'bachelor',
    probationYears: 1,
    yearsInField: 8,
    grassrootsYears: 8,
  };
}
