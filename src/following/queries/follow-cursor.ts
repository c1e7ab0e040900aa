import { RequestValidationError } from '../../platform/http/request-validation.error';

/** A page ends at (since, id); the next starts right after it in (since descending, id ascending) order. */
export const encodeFollowCursor = ({ since, _id }: { since: string; _id: string }): string =>
  Buffer.from(JSON.stringify([since, _id])).toString('base64url');

export function decodeFollowCursor(cursor: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((part) => typeof part === 'string'))
    throw new RequestValidationError([
      { field: 'cursor', message: 'cursor must be a nextCursor of this list' },
    ]);
  const [since, id] = parsed as [string, string];
  return { $or: [{ since: { $lt: since } }, { since, _id: { $gt: id } }] };
}
