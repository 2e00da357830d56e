import type { ElsaDefinition, Vocabulary } from '../api/types';
import type { Organisation } from '../pages/organisations/types';

/**
 * The applicant fields of a simulation case (contract.md), prefilled from the workflow's declared scope: the first
 * registered unit of its locality of the scope's employment type (with the unit's county and, as `unitRecord`, what
 * the registry says of it, as the server gives the engine), or when the locality registers none a unit named after
 * its first county.
 */
export function sampleApplicant(definition: ElsaDefinition | undefined, vocab?: Vocabulary, units: Organisation[] = []) {
  const scope = definition?.customProperties?.scope ?? {};
  const locality = definition?.customProperties?.locality ?? '';
  const employmentType = scope.employmentTypes?.[0] ?? 'public-institution';
  const unit = units.find((u) => !u.employmentType || u.employmentType === employmentType);
  const county = (unit?.county && vocab?.counties?.[locality]?.[unit.county]) || Object.values(vocab?.counties?.[locality] ?? {})[0] || '示例县';
  return {
    name: '测试申报人',
    county,
    unit: unit?.name ?? `${county}第一小学`,
    employmentType,
    workplaceLevel: 'township',
    series: scope.series?.[0] ?? 'teacher',
    level: scope.levels?.[0] ?? 'intermediate',
    kind: scope.kinds?.[0] ?? 'general',
    education: 'bachelor',
    probationYears: 1,
    yearsInField: 8,
    grassrootsYears: 8,
    ...(unit
      ? {
          unitRecord: {
            id: unit.id,
            name: unit.name,
            county: unit.county ?? null,
            employmentType: unit.employmentType ?? null,
            quota: unit.quota ?? null,
            autonomousEvaluation: unit.autonomousEvaluation ?? false,
          },
        }
      : {}),
  };
}
