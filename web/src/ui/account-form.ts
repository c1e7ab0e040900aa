import { useState } from 'preact/hooks';
import { api, Problem } from '../api/http';
import { problemOf } from './problem';

/** One account form's request: busy while it runs, the problem when refused; resolves true when done. */
export function useAccountRequest() {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const send = async (path: string, body: unknown, method: 'POST' | 'DELETE' = 'POST'): Promise<boolean> => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api(path, { method, body, anonymous: true });
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { send, problem, setProblem, busy };
}
