/** The continuing-education registrars as the server answers them (Record/EducationRegistrarEndpoints.cs). */
export interface EducationRegistrar {
  id: string;
  locality: string;
  category: RegistrarCategory;
  staff: RegistrarStaff;
  registrar: RegistrarKind;
  verifies?: boolean | null;
  checks?: string | null;
  source?: string | null;
  active?: boolean | null;
  updatedBy?: string | null;
  updatedAt?: string | null;
}

export type RegistrarCategory = 'public' | 'professional';
export type RegistrarStaff = 'all' | 'enterprise';
export type RegistrarKind = 'hr' | 'competent-department';

/** The Chinese names of the codes (English via i18n). */
export const categoryLabels: Record<RegistrarCategory, string> = { public: '公需科目', professional: '专业科目' };
export const staffLabels: Record<RegistrarStaff, string> = { all: '全部人员', enterprise: '企业（含民营企业）人员' };
export const registrarLabels: Record<RegistrarKind, string> = { hr: '人社部门审核人员', 'competent-department': '行业主管部门审核人员' };
