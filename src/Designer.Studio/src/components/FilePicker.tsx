import { forwardRef, useId, useImperativeHandle, useRef } from 'react';
import { useT } from '../i18n';

export interface FilePickerHandle {
  /** Forgets the chosen file (so the same file can be chosen again). */
  clear: () => void;
}

/**
 * A file input in the language of the UI: a labelled button that opens the file dialog of the browser (Enter or
 * Space), and the name of the chosen file (or a note that none is chosen) beside it. The native input says
 * "Choose File / No file chosen" in the language of the browser, not of the user, so it stays hidden.
 */
export const FilePicker = forwardRef<
  FilePickerHandle,
  { id?: string; accept?: string; disabled?: boolean; label?: string; fileName?: string | null; onFile: (file: File | undefined) => void; testId?: string }
>(function FilePicker({ id, accept, disabled, label, fileName, onFile, testId }, ref) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();
  useImperativeHandle(ref, () => ({ clear: () => input.current && (input.current.value = '') }), []);
  const choose = fileName ? t('更换文件') : t('选择文件');
  return (
    <span className="file-picker">
      <input
        ref={input}
        id={id}
        type="file"
        className="file-picker-input"
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onFile(e.target.files?.[0])}
      />
      <button
        type="button"
        className="btn btn-small"
        disabled={disabled}
        aria-label={label ? t('{action}：{field}', { action: choose, field: label }) : choose}
        aria-describedby={statusId}
        onClick={() => input.current?.click()}
      >
        {choose}
      </button>
      <span id={statusId} className="muted small file-picker-status">
        {fileName || t('未选择文件')}
      </span>
    </span>
  );
});
