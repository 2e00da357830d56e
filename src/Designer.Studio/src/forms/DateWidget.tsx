import type { WidgetProps } from '@rjsf/utils';
import { DateInput } from '../components/DateInput';

/** RJSF's date field (format "date") as a {@link DateInput}: the UI's format, not the browser's mm/dd/yyyy. */
export function DateWidget({ id, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, rawErrors, label }: WidgetProps) {
  return (
    <DateInput
      id={id}
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      aria-label={label || undefined}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      onChange={(iso) => onChange(iso === '' ? undefined : iso)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
