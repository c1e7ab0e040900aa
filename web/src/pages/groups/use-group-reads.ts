import { useEffect, useState } from 'preact/hooks';
import { api, noteWrite } from '../../api/http';
import { withQuery } from '../../api/query';

/** One group read, again whenever the page's position moves (a command of ours or a live change). */
export function useGroupRead<T>(path: string | undefined, position: string): T | undefined {
  const [value, setValue] = useState<T | undefined>();
  useEffect(() => {
    if (!path) return setValue(undefined);
    let current = true;
    api<T>(withQuery(path, `minPosition=${position}`))
      .then((fresh) => current && setValue(fresh))
      .catch(() => undefined);
    return () => void (current = false);
  }, [path, position]);
  return value;
}

/** The later of two positions, compared as big integers. */
export const laterPosition = (a: string, b: string | null | undefined): string =>
  b && BigInt(b) > BigInt(a) ? b : a;

/**
 * Before following a link to an aspiration the group page saw: the thread is then read at least at this position,
 * so a submission another member's signature made shows rather than a "not found" from a read model behind.
 */
export const seen = (position: string): void => noteWrite(position);
