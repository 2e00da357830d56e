/** English for the date field (the UI's own format, not the browser's). */
export const enDates: Record<string, string> = {
  '年-月-日，如 2026-12-01': 'YYYY-MM-DD, e.g. 2026-12-01',
  '请按 年-月-日 填写日期，如 2026-12-01': 'Enter the date as YYYY-MM-DD, e.g. 2026-12-01',
};
