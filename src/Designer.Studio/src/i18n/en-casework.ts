/** English for the casework texts: documents, the correction exchange, batch publicity and committee work. */
export const enCasework: Record<string, string> = {
  '下载证书（PDF）': 'Download certificate (PDF)',
  '导出 Excel': 'Export to Excel',
  '导出表决结果': 'Export results',
  '导出公示名单': 'Export the list',
  '审核意见': 'Review opinion',
  '一次性告知补正事项': 'Everything to correct (notified at once)',
  '补正截止日期': 'Correction deadline',
  '补正说明': 'Reply',
  '补正材料附件': 'Correction attachments',
  '已保存': 'Saved',
  '确定不予通过？申报将就此办结，申报人会收到结果。': 'Reject? The application ends here and the applicant is told the result.',
  '确定评为不通过？申报将就此办结，申报人会收到结果。': 'Mark as failed? The application ends here and the applicant is told the result.',
  '确定退回申报人补正？请确认已一次性列明全部补正事项。': 'Return to the applicant for correction? Make sure every item to correct is listed at once.',
};
