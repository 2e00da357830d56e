import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useWrite } from '../api/query';
import type { NotificationItem, NotificationPage } from '../api/types';
import { formatDate, useI18n } from '../i18n';
import { navigate } from '../router';

const POLL_MS = 60_000;

/** The bell in the header: the caller's latest notifications (new task, returned, decided, publicity) and the unread count. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const write = useWrite();
  const { data } = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<NotificationPage>('/api/notifications?pageSize=10'),
    refetchInterval: POLL_MS,
  });
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  const unread = data?.unread ?? 0;
  const follow = async (n: NotificationItem) => {
    setOpen(false);
    if (!n.readAt) await write(() => api.post('/api/notifications/read', { ids: [n.id] }));
    if (n.taskId && n.kind === 'task') navigate(`/tasks/${encodeURIComponent(n.taskId)}`);
    else if (n.applicationId) navigate(`/applications/${encodeURIComponent(n.applicationId)}`);
  };
  return (
    <div className="bell" ref={box}>
      <button
        className="bell-button"
        aria-label={unread > 0 ? t('通知 {n} 条未读', { n: unread }) : t('通知')}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && <span className="bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="bell-panel" role="dialog" aria-label={t('通知')}>
          <div className="bell-head">
            <strong>{t('通知')}</strong>
            {unread > 0 && (
              <button className="btn btn-small btn-ghost" onClick={() => write(() => api.post('/api/notifications/read', { all: true }))}>
                {t('全部标为已读')}
              </button>
            )}
          </div>
          {(data?.items ?? []).length === 0 && <div className="muted small bell-empty">{t('暂无通知')}</div>}
          <ul>
            {(data?.items ?? []).map((n) => (
              <li key={n.id} className={n.readAt ? '' : 'unread'}>
                <button onClick={() => follow(n)}>
                  <span className="strong">{n.title}</span>
                  <span className="small">{n.body}</span>
                  <span className="small muted">{formatDate(n.createdAt, locale)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
