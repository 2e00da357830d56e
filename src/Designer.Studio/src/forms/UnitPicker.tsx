import type { WidgetProps } from '@rjsf/utils';
import { api } from '../api/client';
import { useApiQuery } from '../api/query';
import { useI18n } from '../i18n';
import type { Organisation } from '../pages/organisations/types';

/** The registered active units of a locality (GET /api/organisations/units), for the apply form's 工作单位. */
export function useRegisteredUnits(locality: string | undefined) {
  const query = useApiQuery(['registered-units', locality ?? ''], () =>
    locality ? api.get<{ items: Organisation[] }>(`/api/organisations/units?locality=${encodeURIComponent(locality)}&pageSize=200`) : Promise.resolve({ items: [] }),
  );
  return query.data?.items ?? noUnits;
}

const noUnits: Organisation[] = [];

/** The form's context the widget reads: the units offered (empty: the locality registers none, the unit is typed). */
export interface UnitPickerContext {
  units: Organisation[];
}

/**
 * `"ui:widget": "unit"`: a choice among the locality's registered units, storing the unit's full name as the
 * application's `unit` (the server accepts only a registered active unit once the locality has any). A locality
 * without registered units keeps a text field.
 */
export function UnitWidget(props: WidgetProps) {
  const { t } = useI18n();
  const units = (props.registry.formContext as UnitPickerContext | undefined)?.units ?? [];
  if (units.length === 0)
    return (
      <input
        id={props.id}
        className="form-control"
        value={props.value ?? ''}
        placeholder={props.placeholder}
        disabled={props.disabled || props.readonly}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
      />
    );
  const known = units.some((u) => u.name === props.value);
  return (
    <select
      id={props.id}
      className="form-control"
      value={known ? props.value : ''}
      required={props.required}
      disabled={props.disabled || props.readonly}
      aria-describedby={`${props.id}__help`}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      <option value="">{t('请选择本地区已登记的工作单位')}</option>
      {units.map((u) => (
        <option key={u.id} value={u.name}>
          {u.name}
        </option>
      ))}
    </select>
  );
}

export const unitWidgets = { unit: UnitWidget };

/** The apply form's UI schema with the unit picker on `unit` when the schema has that field and units are registered. */
export function withUnitPicker(schema: any, uiSchema: any, units: Organisation[]) {
  if (units.length === 0 || !schema?.properties?.unit) return uiSchema;
  return { ...uiSchema, unit: { ...(uiSchema?.unit ?? {}), 'ui:widget': 'unit', 'ui:placeholder': undefined } };
}

/**
 * When the applicant picks another unit, its county (by Chinese name) and employment type fill the form's fields
 * of those names, as the server checks them against the unit.
 */
export function prefillFromUnit(previous: any, next: any, units: Organisation[], counties: Record<string, Record<string, string>> | undefined) {
  if (!next || next.unit === previous?.unit) return next;
  const unit = units.find((u) => u.name === next.unit);
  if (!unit) return next;
  const filled = { ...next };
  if (unit.county) filled.county = counties?.[unit.locality]?.[unit.county] ?? unit.county;
  if (unit.employmentType) filled.employmentType = unit.employmentType;
  return filled;
}
