import { useMemo } from 'react';
import { useT } from '../i18n';
import { checkJavaScript } from './jsSyntax';

/** A JavaScript editor that checks syntax as you type, as the server will (ES2023; an expression or Elsa's `return …;` body form). */
export function JsEditor({
  value,
  onChange,
  readOnly,
  id,
  rows = 3,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  readOnly?: boolean;
  id?: string;
  rows?: number;
  placeholder?: string;
}) {
  const t = useT();
  const error = useMemo(() => checkJavaScript(value ?? ''), [value]);
  const lines = Math.max(rows, Math.min(14, (value ?? '').split('\n').length + 1));
  return (
    <div className={`js-editor ${error ? 'js-invalid' : ''}`}>
      <textarea
        id={id}
        className="code"
        spellCheck={false}
        rows={lines}
        value={value ?? ''}
        readOnly={readOnly}
        placeholder={placeholder ?? 'return application.grassrootsYears >= 3;'}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Tab' && !readOnly) {
            e.preventDefault();
            const el = e.currentTarget;
            const s = el.selectionStart;
            const next = el.value.slice(0, s) + '  ' + el.value.slice(el.selectionEnd);
            onChange(next);
            requestAnimationFrame(() => el.setSelectionRange(s + 2, s + 2));
          }
        }}
        aria-invalid={!!error}
      />
      <div className={`js-status ${error ? 'bad' : 'ok'}`} role={error ? 'alert' : undefined}>
        {error ? `${t('语法错误')}：${error}` : value?.trim() ? `✓ ${t('语法正确')}` : t('JavaScript 表达式，或以 return 返回结果的函数体')}
      </div>
    </div>
  );
}
