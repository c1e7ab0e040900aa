import { useState } from 'preact/hooks';
import { api, newIdempotencyKey, Problem, RequestOptions } from '../api/http';
import { problemOf } from './problem';

/**
 * One staff command at a time: busy while it runs, the problem when refused. Each command carries its own
 * Idempotency-Key, kept until it succeeds, so sending again after a lost answer never acts twice.
 */
export function useCommand() {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const send = async <T>(
    path: string,
    body?: unknown,
    options: Pick<RequestOptions, 'method'> & { idempotent?: false } = {},
  ): Promise<T | undefined> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const idempotencyKey = options.idempotent === false ? undefined : key;
      const result = await api<T>(path, { method: options.method ?? 'POST', body, idempotencyKey });
      setKey(newIdempotencyKey());
      return result;
    } catch (error) {
      setProblem(problemOf(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { send, problem, setProblem, busy };
}
