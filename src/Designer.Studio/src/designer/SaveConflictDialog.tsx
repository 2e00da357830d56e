import { Modal } from '../components/ui';
import { useT } from '../i18n';
import { useDesigner } from './store';

/** Someone else saved meanwhile: the user's copy can be downloaded before the latest version is loaded. */
export function SaveConflictDialog() {
  const t = useT();
  const conflict = useDesigner((s) => s.conflict);
  const definitionId = useDesigner((s) => s.meta.definitionId);
  const set = useDesigner((s) => s.set);
  const reload = useDesigner((s) => s.reload);
  if (!conflict) return null;
  return (
    <Modal
      title={t('保存冲突')}
      onClose={() => set({ conflict: null })}
      footer={
        <>
          <button
            className="btn"
            onClick={() => {
              const blob = new Blob([JSON.stringify(conflict, null, 2)], { type: 'application/json' });
              const a = document.createElement('a');
              a.href = URL.createObjectURL(blob);
              a.download = `${definitionId.replace(/\//g, '_')}-my-changes.json`;
              a.click();
            }}
          >
            {t('下载我的修改')}
          </button>
          <button
            className="btn btn-primary"
            onClick={() => {
              set({ conflict: null, dirty: false });
              reload();
            }}
          >
            {t('载入最新版本')}
          </button>
        </>
      }
    >
      <p>{t('在您编辑期间，其他人已保存了这个流程。您的修改没有保存，也没有丢失：可以先下载您的修改，再载入最新版本。')}</p>
    </Modal>
  );
}
