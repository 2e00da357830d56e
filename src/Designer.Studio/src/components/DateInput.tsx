import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useI18n } from '../i18n';

/** A calendar date written as people write it (2026-12-01, 2026/12/1, 2026年12月1日, 20261201), or null. */
export function parseDate(text: string): string | null {
  const m = text.trim().match(/^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string | null | undefined;
  /** The ISO date (YYYY-MM-DD), or '' when cleared. Not called while the text is not yet a date. */
  onChange: (iso: string) => void;
};

/**
 * A date field in the format of the UI (year-month-day, ISO) whatever the language of the browser: the native input shows
 * mm/dd/yyyy in an English browser. Typing any usual spelling works; a text that is no date says so beside the field.
 */
export function DateInput({ value, onChange, onBlur, id, ...rest }: Props) {
  const { t } = useI18n();
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const [text, setText] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(value ?? '');
    setInvalid(false);
  }, [value]);
  return (
    <span className="date-input">
      <input
        {...rest}
        id={inputId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={rest.placeholder || t('年-月-日，如 2026-12-01')}
        value={text}
        aria-invalid={invalid || rest['aria-invalid'] || undefined}
        aria-describedby={invalid ? `${inputId}-date-error` : rest['aria-describedby']}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseDate(e.target.value);
          if (e.target.value.trim() === '') onChange('');
          else if (iso) onChange(iso);
        }}
        onBlur={(e) => {
          const trimmed = text.trim();
          const iso = parseDate(trimmed);
          if (iso) setText(iso);
          setInvalid(trimmed !== '' && !iso);
          onBlur?.(e);
        }}
      />
      {invalid && (
        <span id={`${inputId}-date-error`} className="field-error small" role="alert">
          {t('请按 年-月-日 填写日期，如 2026-12-01')}
        </span>
      )}
    </span>
  );
}
