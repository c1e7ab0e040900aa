import { boundedText, TEXT_MAX } from '../../../aspirations/domain/aspiration.guards';
import { reportErrors as errors } from './monitoring-report.errors';

export const SOURCE_MAX = 200;
export const COMMENT_MAX = 2000;
const PHOTO_MAX = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Indonesia's easternmost zone (WIT) is UTC+9: "today" there may already be tomorrow in UTC. */
const EASTERNMOST_OFFSET_MS = 9 * 3_600_000;

export const sourceText = (value: unknown): string =>
  boundedText(value, 2, SOURCE_MAX, () => errors.invalidLength('invalid_source', 'source', 2, SOURCE_MAX));

export const summaryText = (value: unknown): string =>
  boundedText(value, 10, TEXT_MAX, () => errors.invalidLength('invalid_summary', 'summary', 10, TEXT_MAX));

export const commentText = (value: unknown): string =>
  boundedText(value, 1, COMMENT_MAX, () => errors.invalidLength('invalid_body', 'body', 1, COMMENT_MAX));

/** A real calendar day, not after today anywhere in Indonesia, and not before 1945. */
export function monitoredOnDate(value: unknown, now: Date): string {
  if (typeof value !== 'string' || !DATE.test(value)) throw errors.invalidDate();
  const day = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw errors.invalidDate();
  const today = new Date(now.getTime() + EASTERNMOST_OFFSET_MS).toISOString().slice(0, 10);
  if (value > today || value < '1945-01-01') throw errors.invalidDate();
  return value;
}

/**
 * A photo by reference: an https URL, or an opaque reference (a file name, a storage key) that does not look like a
 * URL of another scheme, so no `javascript:` or `data:` link ever reaches a reader.
 */
export function photoReference(value: unknown): string {
  if (typeof value !== 'string') throw errors.invalidPhoto();
  const reference = value.trim();
  if (reference.length === 0 || [...reference].length > PHOTO_MAX || /\s/.test(reference))
    throw errors.invalidPhoto();
  let url: URL | undefined;
  try {
    url = new URL(reference);
  } catch {
    return reference;
  }
  if (url.protocol !== 'https:' || url.username || url.password) throw errors.invalidPhoto();
  return reference;
}
