const DEFAULT_DATABASE = 'suara-warga';

/** The database a MongoDB URL names (`mongodb://host/suara`), or the default when it names none. */
export function databaseFromUrl(url: string): string {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(url)?.[1];
  return path ? decodeURIComponent(path) : DEFAULT_DATABASE;
}
