/** What each audit entry's kind means, in Chinese (English through i18n); an unknown kind shows as it is. */
export const auditKindLabels: Record<string, string> = {
  'workflow.create': '新建流程',
  'workflow.import': '导入流程',
  'workflow.clone': '克隆流程',
  'workflow.save-draft': '保存草稿',
  'workflow.publish': '发布流程',
  'workflow.retract': '撤回流程',
  'workflow.revert': '恢复旧版本',
  'workflow.delete-draft': '删除草稿',
  'workflow.upstream-merge': '合并模板更新',
  'form.create': '新建表单',
  'form.save-draft': '保存表单草稿',
  'form.publish': '发布表单',
  'application.submit': '提交申报',
  'application.act': '办理',
  'application.correction': '补正',
  'application.objection': '公示异议',
  'application.timer': '期限到期',
  'application.vote': '表决',
  'application.committee-votes': '评委会投票',
  'application.committee-decision': '评委会决定',
  'application.retry': '重试',
  'application.move': '移至步骤',
  'application.cancel': '终止',
  'application.withdraw': '撤回申报',
  'task.reassign': '改派',
  'task.claim': '认领',
  'task.unclaim': '释放',
  'expert.create': '新增专家',
  'expert.update': '修改专家',
  'committee.create': '新建评委会',
  'committee.update': '修改评委会',
  'committee-session.draw': '抽取评委',
};

export function auditKindLabel(kind: string, t: (s: string) => string): string {
  return auditKindLabels[kind] ? t(auditKindLabels[kind]) : kind;
}

const cjk = /[\u4e00-\u9fff]/;

/**
 * An entry's summary: the server records it in Chinese (the hash chain keeps it as written). The English UI says what
 * happened from the entry's kind and subject instead, with the recorded Chinese text as the tooltip.
 */
export function auditSummary(e: { kind: string; subject: string; summary?: string | null; actor: string }, locale: string, t: (s: string) => string) {
  const summary = e.summary ?? '';
  if (locale !== 'en' || !cjk.test(summary)) return { text: summary, title: undefined as string | undefined };
  return { text: `${e.actor}: ${auditKindLabel(e.kind, t)} · ${e.subject}`, title: summary };
}
