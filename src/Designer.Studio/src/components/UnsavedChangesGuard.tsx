import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../i18n';
import { Modal } from './ui';

/**
 * While `when` holds (a designer with unsaved edits), leaving the page asks first: in-app navigation through the
 * router's blocker (a dialog: stay, or discard and leave), closing or reloading the tab through the browser's prompt.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const t = useT();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal
      title={t('有未保存的修改')}
      onClose={() => blocker.reset()}
      footer={
        <>
          <button className="btn" onClick={() => blocker.reset()} data-testid="stay-on-page" autoFocus>
            {t('留在此页')}
          </button>
          <button className="btn btn-danger" onClick={() => blocker.proceed()} data-testid="leave-page">
            {t('放弃修改并离开')}
          </button>
        </>
      }
    >
      <p>{t('您的修改尚未保存。离开此页，这些修改将会丢失。')}</p>
    </Modal>
  );
}
