import { useState } from 'react';
import { PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n';
import { ComplaintsTab } from './ComplaintsTab';
import { QuotasTab } from './QuotasTab';

type Tab = 'quotas' | 'complaints';

/**
 * 监督管理: the HR bureau's ledgers, post quotas with their filing, and reports with their time limit. A committee's
 * suspension is on the committees page, an expert's violation on the expert pool, a result's invalidation on the
 * application's page.
 */
export function GovernancePage({ tab: initial }: { tab: string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>(initial === 'complaints' ? 'complaints' : 'quotas');
  return (
    <div className="page">
      <PageHeader
        title={t('监督管理')}
        subtitle={t('岗位数额由县市人社部门确定、报州（地区）人社部门备案后方可使用；举报由本地区人社部门在办理时限内核查答复')}
      />
      <div className="drawer-tabs page-tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'quotas'} className={tab === 'quotas' ? 'on' : ''} onClick={() => setTab('quotas')}>
          {t('岗位数额')}
        </button>
        <button role="tab" aria-selected={tab === 'complaints'} className={tab === 'complaints' ? 'on' : ''} onClick={() => setTab('complaints')}>
          {t('举报台账')}
        </button>
      </div>
      {tab === 'quotas' ? <QuotasTab /> : <ComplaintsTab />}
    </div>
  );
}
