import { useShallow } from 'zustand/react/shallow';
import type { ActivityNodeData } from './model';
import { useDesigner } from './store';

/**
 * The activities on the canvas, as the same array while only positions change: everything derived from it (target
 * lists, person steps, port checks) is not recomputed during a drag.
 */
export function useNodeData(): ActivityNodeData[] {
  return useDesigner(useShallow((s) => s.nodes.map((n) => n.data)));
}
