import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/http';
import { Paged } from '../../api/group-types';

/** How many items a group list shows at first, and adds each time the person asks for more. */
export const GROUP_PAGE = 20;

export interface GroupPages<T> {
  readonly items: readonly T[];
  /** Reads the next page onto the list; absent when the list is whole. */
  readonly more: (() => void) | undefined;
}

/**
 * A group list read page by page. When the page's position moves (a command of ours or a live change) it is read
 * again as far as the person had opened it, so asking for more is not undone by the next change.
 */
export function useGroupPages<T>(path: string | undefined, position: string): GroupPages<T> | undefined {
  const [value, setValue] = useState<GroupPages<T> | undefined>();
  const listed = useRef({ path, pages: 1 });
  // Each reading of the whole list starts a generation; a page asked for in an older one is dropped.
  const generation = useRef(0);
  const adding = useRef(false);

  const show = (items: readonly T[], cursor: string | null, pages: number) => {
    listed.current.pages = pages;
    const more = cursor
      ? () => {
          if (adding.current) return;
          adding.current = true;
          const asked = generation.current;
          void readPages<T>(path!, position, 1, cursor)
            .then(
              (page) =>
                asked === generation.current && show([...items, ...page.items], page.cursor, pages + 1),
            )
            .catch(() => undefined)
            .finally(() => (adding.current = false));
        }
      : undefined;
    setValue({ items, more });
  };

  useEffect(() => {
    if (listed.current.path !== path) listed.current = { path, pages: 1 };
    if (!path) return setValue(undefined);
    const asked = ++generation.current;
    const pages = listed.current.pages;
    void readPages<T>(path, position, pages, null)
      .then((page) => asked === generation.current && show(page.items, page.cursor, pages))
      .catch(() => undefined);
  }, [path, position]);

  return value;
}

async function readPages<T>(path: string, position: string, pages: number, from: string | null) {
  const items: T[] = [];
  let cursor = from;
  for (let page = 0; page < pages; page++) {
    const params = new URLSearchParams({ limit: String(GROUP_PAGE), minPosition: position });
    if (cursor) params.set('cursor', cursor);
    const read = await api<Paged<T>>(`${path}${path.includes('?') ? '&' : '?'}${params}`);
    items.push(...read.items);
    cursor = read.nextCursor;
    if (!cursor) break;
  }
  return { items, cursor };
}
