import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/client';
import { inspectionKey, patchInspection, type Inspection, type UpdateInspection } from '../api';

type Change = Omit<UpdateInspection, 'version'>;

/**
 * Saves a draft inspection change by change, one request at a time, each with the version the previous answer
 * gave — a phone sends every tap at once, and taps must not overtake each other. A stale version (someone else
 * saved meanwhile) reloads the draft and sends the change once more.
 */
export function useInspectionSaver(id: string) {
  const qc = useQueryClient();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);

  const send = useCallback(
    async (change: Change): Promise<Inspection> => {
      const current = () => qc.getQueryData<Inspection>(inspectionKey(id));
      const attempt = async (retry: boolean): Promise<Inspection> => {
        try {
          return await patchInspection(id, { ...change, version: current()?.version ?? 0 });
        } catch (e) {
          if (retry && isApiError(e) && e.code === 'STALE_VERSION') {
            await qc.refetchQueries({ queryKey: inspectionKey(id), exact: true });
            return attempt(false);
          }
          throw e;
        }
      };
      const next = await attempt(true);
      qc.setQueryData(inspectionKey(id), next);
      return next;
    },
    [id, qc],
  );

  const save = useCallback(
    (change: Change): Promise<Inspection> => {
      setPending((n) => n + 1);
      const run = queue.current.catch(() => undefined).then(() => send(change));
      queue.current = run;
      return run.finally(() => setPending((n) => n - 1));
    },
    [send],
  );

  /** Resolves once every change sent so far has been answered. */
  const settled = useCallback(() => queue.current.catch(() => undefined), []);

  return { save, saving: pending > 0, settled };
}
