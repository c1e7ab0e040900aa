import { useState } from 'preact/hooks';
import { api, Problem } from '../../api/http';
import { problemOf } from '../../ui/problem';

/** One request about the signed-in person's own account: busy while it runs, the problem when refused. */
export function useMyRequest() {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const send = async <T>(
    path: string,
    method: 'POST' | 'DELETE',
    body?: unknown,
  ): Promise<{ ok: true; value: T } | { ok: false }> => {
    setBusy(true);
    setProblem(undefined);
    try {
      return { ok: true, value: await api<T>(path, { method, body }) };
    } catch (error) {
      setProblem(problemOf(error));
      return { ok: false };
    } finally {
      setBusy(false);
    }
  };
  return { send, problem, busy };
}
