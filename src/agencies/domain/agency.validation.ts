import { agencyErrors } from './agency.errors';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function validateAgencyId(id: string, field: 'agencyId' | 'parentAgencyId'): void {
  if (id.length < 2 || id.length > 64 || !SLUG.test(id)) throw agencyErrors.invalidAgencyId(field);
}

/** Returns the trimmed name: surrounding spaces are typing noise, not part of the name. */
export function validName(name: string): string {
  const trimmed = name.trim();
  const length = [...trimmed].length; // characters, not UTF-16 units
  if (length < 3 || length > 200) throw agencyErrors.invalidName();
  return trimmed;
}

export function validOfficialName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || [...trimmed].length > 200) throw agencyErrors.invalidOfficialName();
  return trimmed;
}

export function validateCategories(categories: string[]): void {
  const seen = new Set<string>();
  for (const category of categories) {
    if (category.trim() === '') throw agencyErrors.invalidCategory();
    if (seen.has(category)) throw agencyErrors.duplicateCategory(category);
    seen.add(category);
  }
}

/** Categories are a set: a new order alone changes nothing. */
export const sameCategories = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((category) => b.includes(category));
