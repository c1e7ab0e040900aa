import { conflict, forbidden, invalid, notFound } from '../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const agencyErrors = {
  adminOnly: () => forbidden('admin_only', 'Only an admin manages agencies'),
  alreadyRegistered: (agencyId: string) =>
    conflict('agency_already_registered', `Agency ${agencyId} is already registered`),
  notRegistered: () => notFound('agency_not_found', 'The agency is not registered'),
  invalidAgencyId: (field: 'agencyId' | 'parentAgencyId') =>
    invalid('invalid_agency_id', 'An agency id is a kebab-case slug of 2–64 characters', field),
  invalidName: () => invalid('invalid_name', 'The name must be 3–200 characters', 'name'),
  missingRegionCode: () => invalid('missing_region_code', 'The region code is required', 'regionCode'),
  invalidCategory: () =>
    invalid('invalid_category', 'Each category must be a non-blank string', 'categories'),
  duplicateCategory: (category: string) =>
    invalid('duplicate_category', `Category ${category} is listed twice`, 'categories'),
  ownParent: () => invalid('own_parent', 'An agency cannot be its own parent', 'parentAgencyId'),
  missingOfficialId: () => invalid('missing_official_id', 'The official id is required', 'officialId'),
  invalidOfficialName: () =>
    invalid('invalid_official_name', "The official's name must be 1–200 characters", 'name'),
  alreadyOfficial: (officialId: string) =>
    conflict('already_official', `${officialId} is already an official of this agency`),
  notOfficial: (officialId: string) =>
    notFound('official_not_found', `${officialId} is not an official of this agency`),
};
