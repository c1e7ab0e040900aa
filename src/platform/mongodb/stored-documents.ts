import { Document } from 'mongodb';
import { Doc } from '../document-store/document-store.port';
import { POSITION } from './batch-writes';

// How read-model documents and collections are named, stored and read back on MongoDB (and FerretDB 1.x).

/** Read-model collections: a letter, then letters, digits, `_`, `-` or `.`; `_…` names are this store's own. */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,119}$/;

export function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name) || name.startsWith('system.'))
    throw new Error(
      `Invalid collection name "${name}": use a letter, then letters, digits, "_", "-" or "." (at most 120)`,
    );
}

/** FerretDB 1.x refuses field names with "." or a leading "$" (MongoDB 5+ stores them); fail with a clear message. */
export function assertStorableKeys(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    for (const item of value) assertStorableKeys(item, where);
  } else if (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('.') || key.startsWith('$') || key.includes('\0'))
        throw new Error(`${where}: field name "${key}" contains "." or "\\0" or starts with "$"`);
      assertStorableKeys(item, where);
    }
  }
}

export const withoutPosition = <T extends Doc>(stored: Document): T => {
  const { [POSITION]: _position, ...document } = stored;
  return document as T;
};

export const indexIdentity = (key: Document, unique: boolean) =>
  JSON.stringify([Object.entries(key), unique]);

/** A projection that also leaves out the stored position (an inclusion projection names it not at all). */
export const storedProjection = (projection: Readonly<Record<string, 0 | 1>>): Document =>
  Object.entries(projection).some(([field, value]) => value === 1 && field !== '_id')
    ? { ...projection }
    : { ...projection, [POSITION]: 0 };
