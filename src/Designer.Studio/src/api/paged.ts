import { api } from './client';
import type { Paged } from './types';

/**
 * Every item of a paged list (`{items,total,page,pageSize}`), read 200 at a time: for catalogs and pickers that need the
 * whole list (the activity catalog, the procedures an applicant picks from, the forms a step can use).
 */
export async function getAll<T>(path: string): Promise<T[]> {
  const separator = path.includes('?') ? '&' : '?';
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<Paged<T>>(`${path}${separator}page=${page}&pageSize=200`);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}
