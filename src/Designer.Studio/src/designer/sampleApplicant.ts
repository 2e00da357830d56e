import type { ElsaDefinition, Vocabulary } from '../api/types';

/**
 * The applicant fields of a simulation case (contract.md), prefilled from the workflow's declared scope and the first
 * county of its locality.
 */
export function sampleApplicant(definition: ElsaDefinition | undefined, vocab?: Vocabulary) {
  const scope = definition?.customProperties?.scope ?? {};
  const locality = definition?.customProperties?.locality ?? '';
  const county = Object.values(vocab?.counties?.[locality] ?? {})[0] ?? '示例县';
  return {
    name: '测试申报人',
    county,
    unit: `${county}第一小学`,
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
