import { useT } from '../i18n';
import { Badge } from './ui';

const labels: Record<string, [string, 'ok' | 'warn' | 'error' | 'neutral' | 'info']> = {
  Draft: ['草稿', 'neutral'],
  Waiting: ['办理中', 'info'],
  Running: ['办理中', 'info'],
  Completed: ['已办结', 'ok'],
  Rejected: ['未通过', 'error'],
  Withdrawn: ['视为放弃', 'warn'],
  Faulted: ['出错', 'error'],
  Cancelled: ['已终止', 'warn'],
  Invalidated: ['结果无效', 'error'],
};

export function ApplicationStatus({ status }: { status?: string }) {
  const t = useT();
  const [text, tone] = labels[status ?? ''] ?? [status ?? '', 'neutral'];
  return <Badge tone={tone}>{t(text)}</Badge>;
}
