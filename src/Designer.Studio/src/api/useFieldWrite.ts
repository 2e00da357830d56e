import { useCallback } from 'react';
import { fieldErrors } from '../pages/committees/types';
import { useToast } from '../components/ui';
import { ApiError } from './client';
import { useWrite } from './query';

/**
 * A dialog's write: `if (await submit(() => api.post(...))) close()`. A refusal puts each field's message under its
 * field (by JSON path, `$.unit`) and says why in a toast; the answer is whether the write went through, and `pending`
 * is true while it runs.
 */
export function useFieldWrite(setErrors: (errors: Record<string, string>) => void) {
  const write = useWrite();
  const toast = useToast();
  const submit = useCallback(
    async (run: () => Promise<unknown>): Promise<boolean> => {
      try {
        await write(run);
        setErrors({});
        return true;
      } catch (e) {
        setErrors(fieldErrors(e));
        toast(e instanceof ApiError ? e.message : String(e), 'error');
        return false;
      }
    },
    [write, toast, setErrors],
  );
  return Object.assign(submit, { pending: write.pending });
}
