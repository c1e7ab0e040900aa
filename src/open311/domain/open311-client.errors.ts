import { conflict, forbidden, invalid, notFound } from '../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const open311ClientErrors = {
  adminOnly: () => forbidden('admin_only', 'Only an admin issues and revokes Open311 API keys'),
  invalidName: () => invalid('invalid_name', 'The application name must be 3–100 characters', 'name'),
  alreadyRegistered: () => conflict('open311_client_exists', 'This client application is already registered'),
  notFound: () => notFound('open311_client_not_found', 'No such Open311 client application'),
  alreadyRevoked: () => conflict('open311_client_revoked', 'This API key is already revoked'),
};
