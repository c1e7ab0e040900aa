import { useEffect, useRef, useState } from 'preact/hooks';
import { api, Problem, readPath } from '../api/http';
import { withQuery } from '../api/query';
import { Paged } from '../api/types';
import { problemOf } from './problem';

export interface PagedList<T> {
  /** Absent until the first page of the current path has arrived. */
  readonly items: readonly T[] | undefined;
  readonly loading: boolean;
  readonly problem: Problem | undefined;
  /** Reads the next page onto the list; absent when the list is whole. */
  readonly more: (() => void) | undefined;
  /** Reads the list again from its first page. */
  readonly reload: () => void;
}

interface Shown<T> {
  readonly items?: readonly T[];
  readonly next: string | null;
  readonly loading: boolean;
  readonly problem?: Problem;
}

/**
 * A list read page by page from `path` (nothing while it is absent), after the tab's own last write. Every reading
 * starts a generation and only the newest lands, so a slow answer for an earlier filter or page never overwrites or
 * joins the list asked for after it. `reader` names whose list it is, where the API answers each person their own.
 */
export function usePagedList<T>(path: string | undefined, reader?: string): PagedList<T> {
  const [shown, setShown] = useState<Shown<T>>({ next: null, loading: path !== undefined });
  const generation = useRef(0);

  const read = (from: string | null) => {
    const asked = ++generation.current;
    if (path === undefined) return setShown((before) => ({ ...before, loading: false }));
    setShown((before) => ({ ...before, loading: true, problem: undefined }));
    const cursor = from ? `cursor=${encodeURIComponent(from)}` : '';
    api<Paged<T>>(readPath(withQuery(path, cursor)))
      .then((page) => {
        if (asked !== generation.current) return;
        setShown((before) => ({
          items: from && before.items ? [...before.items, ...page.items] : page.items,
          next: page.nextCursor,
          loading: false,
        }));
      })
      .catch((error: unknown) => {
        if (asked !== generation.current) return;
        setShown((before) => ({ ...before, loading: false, problem: problemOf(error) }));
      });
  };

  useEffect(() => {
    setShown({ next: null, loading: true });
    read(null);
  }, [path, reader]);

  const { items, next, loading, problem } = shown;
  return { items, loading, problem, more: next ? () => read(next) : undefined, reload: () => read(null) };
}
