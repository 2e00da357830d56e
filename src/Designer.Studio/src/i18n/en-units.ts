/** English for the 用户 page's registered-unit chooser. */
export const enUnits: Record<string, string> = {
  '本地区尚未登记用人单位，请填写单位全称': 'The locality registers no unit yet: type the full name of the unit',
  不限人员类别: 'Any employment type',
  按名称搜索本地区已登记的单位: 'Search the units registered in the locality by name',
  搜索单位: 'Search units',
  不指定单位: 'No unit',
  '{name}（当前，不在搜索结果中或未登记）': '{name} (current; not in the results or not registered)',
  '共 {n} 个单位，仅列出前 {shown} 个，请输入名称缩小范围': '{n} units; the first {shown} are listed: type a name to narrow the list',
  '没有名称包含“{q}”的在用单位': 'No active unit whose name contains “{q}”',
  '所在县：{county}；人员类别：{employment}': 'County: {county}; employment type: {employment}',
  '用人单位审核人或申报人的工作单位，从本地区已登记的单位中选择': 'The unit of a unit reviewer or an applicant, chosen among the units registered in the locality',
};
