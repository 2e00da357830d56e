/** The committee registry and expert pool as the server answers them (Committee/CommitteeRegistryDtos.cs). */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Expert {
  id: string;
  name: string;
  locality: string;
  series: string;
  specialty: string;
  unit: string;
  active: boolean;
  conflicts: string[];
}

export interface Committee {
  id: string;
  locality: string;
  name: string;
  series: string[];
  levels: string[];
  organiser: string;
  experts: string[];
  status: string;
  approvedBy?: string | null;
  approvedOn?: string | null;
  filingNumber?: string | null;
  governanceReason?: string | null;
  rectifyBy?: string | null;
}

export const committeeStatuses = ['draft', 'approved', 'filed'] as const;

export const statusLabels: Record<string, string> = { draft: '草稿', approved: '已核准', filed: '已备案', suspended: '暂停评审', revoked: '已收回评审权' };

/** The fields of a 422 answer by JSON path ("$.series"), for showing each under its field. */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const errors = (e as { errors?: { path?: string; message: string }[] })?.errors ?? [];
  for (const x of errors) if (x.path) out[x.path.replace(/\[\d+\]$/, '')] ??= x.message;
  return out;
}

export const splitList = (text: string) =>
  text
    .split(/[,，\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
