import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';

export function Spinner({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="spinner" role="status">
      <span className="spinner-dot" />
      {label ?? t('加载中…')}
    </div>
  );
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="alert alert-error" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button className="btn btn-small" onClick={onRetry}>
          {t('重试')}
        </button>
      )}
    </div>
  );
}

export function Badge({ tone = 'neutral', children, title }: { tone?: 'neutral' | 'ok' | 'warn' | 'error' | 'info' | 'accent'; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <div className="page-subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

export function Modal({
  title,
  onClose,
  children,
  footer,
  wide,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`modal ${wide ? 'modal-wide' : ''}`} role="dialog" aria-modal="true" aria-label={typeof title === 'string' ? title : undefined}>
        <div className="modal-head">
          <h2>{title}</h2>
          <button className="icon-btn" onClick={onClose} aria-label={t('关闭')} title={t('关闭')}>
            ×
          </button>
        </div>
        <div className="modal-body">{children}</div>
        {footer && <div className="modal-foot">{footer}</div>}
      </div>
    </div>
  );
}

type ToastTone = 'ok' | 'error' | 'info';
interface ToastItem {
  id: number;
  tone: ToastTone;
  text: string;
  group?: string;
  at: number;
}

/**
 * `toast(text, tone, { group })` shows a message; `toast.dismiss(group)` removes the messages of a group (a form's
 * failed attempts, once it is submitted successfully). Error messages of an earlier attempt are dismissed on
 * navigation too: they describe a page the user has left. (An error shown just as the page changes — "not found,
 * back to the list" — stays.)
 */
export interface Toast {
  (text: string, tone?: ToastTone, options?: { group?: string }): void;
  dismiss(group?: string): void;
  /** The page changed (called by the layout route). */
  navigated(): void;
}
const ToastContext = createContext<Toast>(Object.assign(() => {}, { dismiss: () => {}, navigated: () => {} }));

/** Errors younger than this when the page changes belong to the navigation itself and stay. */
const NAVIGATION_GRACE_MS = 300;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const toast = useMemo<Toast>(() => {
    const push = (text: string, tone: ToastTone = 'info', options?: { group?: string }) => {
      const id = next.current++;
      setItems((xs) => [...xs.slice(-3), { id, tone, text, group: options?.group, at: Date.now() }]);
      setTimeout(() => setItems((xs) => xs.filter((x) => x.id !== id)), tone === 'error' ? 8000 : 4000);
    };
    const dismiss = (group?: string) => setItems((xs) => xs.filter((x) => (group === undefined ? x.tone !== 'error' : x.group !== group)));
    const navigated = () => {
      const now = Date.now();
      setItems((xs) => {
        const kept = xs.filter((x) => x.tone !== 'error' || now - x.at < NAVIGATION_GRACE_MS);
        return kept.length === xs.length ? xs : kept;
      });
    };
    return Object.assign(push, { dismiss, navigated });
  }, []);
  return (
    <ToastContext.Provider value={toast}>
      {children}
      <div className="toasts" aria-live="polite">
        {items.map((i) => (
          <div key={i.id} className={`toast toast-${i.tone}`} role={i.tone === 'error' ? 'alert' : 'status'}>
            {i.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toast {
  return useContext(ToastContext);
}

export function Field({ label, hint, error, children, required, htmlFor }: { label: ReactNode; hint?: ReactNode; error?: ReactNode; children: ReactNode; required?: boolean; htmlFor?: string }) {
  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label className="field-label" htmlFor={htmlFor}>
        {label}
        {required && <span className="req">*</span>}
      </label>
      {children}
      {hint && !error && <div className="field-hint">{hint}</div>}
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}

export function downloadJson(fileName: string, data: unknown) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  downloadBlob(fileName, blob);
}

export function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
