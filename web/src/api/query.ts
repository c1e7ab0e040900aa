/** The path with `query` (URLSearchParams text) added, whether or not the path has a query already. */
export const withQuery = (path: string, query: string): string =>
  query === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${query}`;
