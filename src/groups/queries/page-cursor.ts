import { Filter } from '../../platform/document-store/document-store.port';
import { RequestValidationError } from '../../platform/http/request-validation.error';

// Lists of this feature sort by a time field, newest (or oldest) first, then by _id: a cursor is that pair.

export const DEFAULT_LIMIT = 20;

export const encodePageCursor = (value: string, id: string): string =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

const refused = () =>
  new RequestValidationError([{ field: 'cursor', message: 'cursor must be a nextCursor of this list' }]);

/** The pair a cursor holds; only two strings: a forged cursor must not smuggle query operators in. */
export function decodePageCursor(cursor: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((part) => typeof part === 'string'))
    throw refused();
  return parsed as [string, string];
}

/** Documents after the cursor in (field direction, _id same direction) order. */
export function afterPageCursor(field: string, direction: 1 | -1, cursor: string | undefined): Filter {
  if (cursor === undefined) return {};
  const [value, id] = decodePageCursor(cursor);
  const beyond = direction === -1 ? '$lt' : '$gt';
  return { $or: [{ [field]: { [beyond]: value } }, { [field]: value, _id: { [beyond]: id } }] };
}

/** A page of `found` (asked with limit + 1) and the cursor to the next one. */
export function pageOf<T extends { _id: string }>(
  found: readonly T[],
  limit: number,
  field: keyof T & string,
): { page: T[]; nextCursor: string | null } {
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = found.length > limit && last ? encodePageCursor(String(last[field]), last._id) : null;
  return { page, nextCursor };
}
