import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/http';

/** One group read, again whenever the page's position moves (a command of ours or a live change). */
export function useGroupRead<T>(path: string | undefined, position: string): T | undefined {
  const [value, setValue] = useState<T | undefined>();
  useEffect(() => {
    if (!path) return setValue(undefined);
    let current = true;
    api<T>(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`)
      .then((fresh) => current && setValue(fresh))
      .catch(() => undefined);
    return () => void (current = false);
  }, [path, position]);
  return value;
}

/** The later of two positions, compared as big integers. */
export const laterPosition = (a: string, b: string | null | undefined): string =>
  b && BigInt(b) > BigInt(a) ? b : a;
