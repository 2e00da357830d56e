/** English for the 用户 page's locality, organisation, task-role and county pickers. */
export const enUsers: Record<string, string> = {
  政策管理员和审计员不属于任何地区: 'Policy admins and auditors belong to no locality',
  不属于任何地区: 'No locality',
  '用人单位审核人选“申报人所在单位”，县级部门的审核人选“申报人所在县”的部门':
    "Employer reviewers take “Applicant's employer”; a county department's reviewers take that department of “Applicant's county”",
  不勾选表示不办理任何审核步骤: 'None ticked: the user handles no review step',
  县级人社审核人或申报人所在的县: 'The county of a county HR reviewer or of an applicant',
  不指定县: 'No county',
  选择或输入机构: 'Choose or type an organisation',
  '机构：{name}': 'Organisation: {name}',
  '“{org}”不是本地区已登记的机构': '“{org}” is not an organisation registered in the locality',
};
