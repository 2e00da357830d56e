import type { WidgetProps } from '@rjsf/utils';
import { FilePicker } from '../components/FilePicker';
import { useI18n } from '../i18n';

/** The file's name and size from a data URL written by this widget (`data:<type>;name=<name>;base64,…`). */
export function describeDataUrl(dataUrl: unknown): { name: string | null; size: number } | null {
  if (typeof dataUrl !== 'string' || !dataUrl.startsWith('data:')) return null;
  const comma = dataUrl.indexOf(',');
  const header = dataUrl.slice(5, comma < 0 ? undefined : comma);
  const name = header
    .split(';')
    .find((part) => part.startsWith('name='))
    ?.slice(5);
  const body = comma < 0 ? '' : dataUrl.slice(comma + 1);
  const size = header.includes('base64') ? Math.floor((body.length * 3) / 4) - (body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0) : body.length;
  return { name: name ? decodeURIComponent(name) : null, size };
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error);
    // The name travels inside the data URL, so the form can show it and fill the item's file name.
    reader.onload = () => resolve(String(reader.result).replace(/^data:([^;,]*)/, (_, type) => `data:${type || 'application/octet-stream'};name=${encodeURIComponent(file.name)}`));
    reader.readAsDataURL(file);
  });
}

export function formatSize(bytes: number, locale: string) {
  if (bytes < 1024) return locale === 'en' ? `${bytes} bytes` : `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The attachment input (format "data-url"): choose a file, see its name and size, remove it. RJSF's own file widget
 * showed an empty block and left the item's file name blank.
 */
export function AttachmentWidget({ id, value, disabled, readonly, onChange, options, label }: WidgetProps) {
  const { t, locale } = useI18n();
  const file = describeDataUrl(value);
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    onChange(await readAsDataUrl(chosen));
  };
  return (
    <div className="attachment-widget">
      {file ? (
        <div className="attachment-chosen">
          <span className="attachment-name">{file.name ?? t('上传的文件')}</span>
          <span className="muted small">{formatSize(file.size, locale)}</span>
          {!readonly && !disabled && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onChange(undefined)}
              aria-label={t('删除附件 {name}', { name: file.name ?? '' })}
            >
              {t('删除')}
            </button>
          )}
        </div>
      ) : null}
      {!readonly && !file && (
        <FilePicker
          id={id}
          disabled={disabled}
          accept={typeof options.accept === 'string' ? options.accept : undefined}
          label={label}
          onFile={(chosen) => void choose(chosen)}
        />
      )}
    </div>
  );
}
