import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/http';
import { withQuery } from '../../api/query';
import { Paged } from '../../api/types';

/** How many items a group list shows at first, and adds each time the person asks for more. */
export const GROUP_PAGE = 20;

export interface GroupPages<T> {
  readonly items: readonly T[];
  /** Asks for one more page; absent when the list is whole. */
  readonly more: (() => void) | undefined;
}

/**
 * A group list read page by page. The number of pages the person asked for is state, and every reading reads that
 * many from the start, so a live change arriving while a page loads can neither drop the page nor undo the asking.
 */
export function useGroupPages<T>(path: string | undefined, position: string): GroupPages<T> | undefined {
  const [value, setValue] = useState<GroupPages<T> | undefined>();
  const [wanted, setWanted] = useState({ path, pages: 1 });
  const pages = wanted.path === path ? wanted.pages : 1;
  // Each reading starts a generation; only the newest one is shown.
  const generation = useRef(0);

  useEffect(() => {
    if (!path) return setValue(undefined);
    const asked = ++generation.current;
    void readPages<T>(path, position, pages)
      .then((read) => {
        if (asked !== generation.current) return;
        const more = read.complete ? undefined : () => setWanted({ path, pages: pages + 1 });
        setValue({ items: read.items, more });
      })
      .catch(() => undefined);
  }, [path, position, pages]);

  return value;
}

async function readPages<T>(path: string, position: string, pages: number) {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const params = new URLSearchParams({ limit: String(GROUP_PAGE), minPosition: position });
    if (cursor) params.set('cursor', cursor);
    const read = await api<Paged<T>>(withQuery(path, params.toString()));
    items.push(...read.items);
    cursor = read.nextCursor;
    if (!cursor) break;
  }
  return { items, complete: !cursor };
}
