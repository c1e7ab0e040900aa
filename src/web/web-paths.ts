/** Paths that belong to the API and the live connection, never to a page of the web app. */
const SERVER_PREFIXES = ['/api', '/live', '/socket.io', '/open311'];

/** Longer URLs are no page of ours; they get the ordinary 404. */
const MAX_PAGE_PATH = 512;

/**
 * Whether a path names a page of the web app (answered with index.html, which routes it in the browser): not the
 * API or the live connection, and not a file (a last segment with an extension, e.g. a stale hashed asset).
 */
export function isPagePath(path: string): boolean {
  if (path.length > MAX_PAGE_PATH || !path.startsWith('/')) return false;
  if (SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/** Hashed build output (Vite's assets/) never changes under its name; everything else is revalidated. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').startsWith('assets/')
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}
