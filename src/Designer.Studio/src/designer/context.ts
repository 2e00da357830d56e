import { createContext, useContext } from 'react';
import type { ActivityDescriptor } from '../api/types';
import type { Labels } from '../catalog';

export interface DesignerView {
  descriptors: Map<string, ActivityDescriptor>;
  labels: Labels;
  readOnly: boolean;
  t: (s: string, p?: Record<string, string | number>) => string;
}

export const DesignerViewContext = createContext<DesignerView | null>(null);

export function useDesignerView() {
  const v = useContext(DesignerViewContext);
  if (!v) throw new Error('DesignerViewContext missing');
  return v;
}
