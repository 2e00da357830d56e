import type { components } from '../../api/openapi';

type Schemas = components['schemas'];

/** The governance ledgers as the server answers them (src/Designer.Server/Governance). */
export type Quota = Schemas['QuotaDto'];
export type Complaint = Schemas['ComplaintDto'];
export type ComplaintReceipt = Schemas['ComplaintReceipt'];

export const quotaStatusLabels: Record<string, string> = { set: '待备案', filed: '已备案' };
export const postKindLabels: Record<string, string> = { directed: '“双定向”岗位', general: '通用岗位' };
export const complaintStatusLabels: Record<string, string> = { open: '办理中', closed: '已办结' };

export const pageSize = 20;
