import { conflict, forbidden, invalid, notFound } from '../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const announcementErrors = {
  notFound: () => notFound('announcement_not_found', 'The announcement does not exist'),
  questionNotFound: () =>
    notFound('question_not_found', 'No such question on this announcement', 'questionId'),
  groupNotFound: () => notFound('group_not_found', 'A group named does not exist', 'groupIds'),

  publishNotAllowed: () =>
    forbidden('publish_not_allowed', 'Only officials and facilitators publish announcements'),
  outsideFacilitatorRegion: () =>
    forbidden('outside_facilitator_region', 'A facilitator publishes only within their own region'),
  publisherOnly: (action: string) =>
    forbidden(
      'publisher_only',
      `Only the publishing agency or a facilitator of the announcement's region may ${action}`,
    ),
  citizenOnly: (action: string) => forbidden('citizen_only', `Only a citizen may ${action}`),

  alreadyExists: () => conflict('announcement_already_exists', 'This announcement was already published'),
  withdrawn: () => conflict('announcement_withdrawn', 'The announcement was withdrawn'),
  alreadyAnswered: () => conflict('question_already_answered', 'This question was already answered'),
  questionExists: () => conflict('question_already_exists', 'A question with this id was already asked'),
  groupNotActive: () => conflict('group_not_active', 'A group named is not active'),

  invalidLength: (code: string, field: string, min: number, max: number) =>
    invalid(code, `${field} must be ${min}–${max} characters`, field),
  invalidLink: () => invalid('invalid_link', 'The link is an https:// or http:// address', 'link'),
  unknownRegion: () =>
    invalid('unknown_region', 'The region code is not a known Indonesian region', 'regionCode'),
  oneTarget: () =>
    invalid(
      'invalid_target',
      'An announcement goes to a region or to one or more groups, not both',
      'regionCode',
    ),
  tooManyGroups: (max: number) => invalid('invalid_group_ids', `1 to ${max} distinct groups`, 'groupIds'),
};
