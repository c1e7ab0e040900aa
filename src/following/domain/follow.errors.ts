import { conflict, forbidden, invalid, notFound } from '../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const followErrors = {
  missingAspirationId: () =>
    invalid('missing_aspiration_id', 'The aspiration id is required', 'aspirationId'),
  aspirationNotFound: () => notFound('aspiration_not_found', 'The aspiration does not exist'),
  peopleOnly: () => forbidden('people_only', 'Only a person follows an aspiration'),
  alreadyFollowing: () => conflict('already_following', 'You already follow this aspiration'),
  notFollowing: () => conflict('not_following', 'You do not follow this aspiration'),
};
