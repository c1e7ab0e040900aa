import { conflict, forbidden, invalid, notFound } from '../../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const draftErrors = {
  groupNotFound: () => notFound('group_not_found', 'The group does not exist'),
  draftNotFound: () => notFound('draft_not_found', 'The group has no such draft'),
  membersOnly: (action: string) => forbidden('members_only', `Only a member of the group may ${action}`),
  alreadyStarted: () => conflict('draft_already_exists', 'This draft was already started'),
  alreadySubmitted: () =>
    conflict('draft_already_submitted', 'The draft reached its threshold and was submitted'),
  drafterLeft: () =>
    conflict('drafter_left', 'The member who drafted it left the group: it can no longer be submitted'),
  ownDraft: () => conflict('own_draft', 'Drafting it was your signature already'),
  alreadySigned: () => conflict('already_signed', 'You already signed this draft'),
  outsideGroupRegion: () =>
    invalid('outside_group_region', "The region must be the group's own or one within it", 'regionCode'),
  invalidSignatures: () =>
    invalid('invalid_signatures', 'Signatures are a whole number from 1', 'signatures'),
};
