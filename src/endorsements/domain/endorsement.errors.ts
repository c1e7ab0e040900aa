import { conflict, forbidden, invalid, notFound } from '../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const endorsementErrors = {
  citizenOnly: () => forbidden('citizen_only', 'Only citizens endorse aspirations'),
  missingAspirationId: () =>
    invalid('missing_aspiration_id', 'The aspiration id is required', 'aspirationId'),
  aspirationNotFound: () => notFound('aspiration_not_found', 'The aspiration does not exist'),
  ownAspiration: () => forbidden('own_aspiration', 'You cannot endorse an aspiration you submitted'),
  confidential: () => conflict('aspiration_confidential', 'A confidential aspiration cannot be endorsed'),
  notVerified: () =>
    conflict('aspiration_not_verified', 'An aspiration can be endorsed once a facilitator has verified it'),
  alreadyEndorsed: () => conflict('already_endorsed', 'You already endorse this aspiration'),
  notEndorsed: () => conflict('not_endorsed', 'You do not endorse this aspiration'),
};
