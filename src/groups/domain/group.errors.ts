import { conflict, DomainError, forbidden, invalid, notFound } from '../../platform/domain/domain-errors';
import { GroupStatus } from './group.state';

// Codes are a client contract (problem details `code`): never rename one.
export const groupErrors = {
  // 404
  notFound: () => notFound('group_not_found', 'The group does not exist'),
  joinRequestNotFound: () =>
    notFound('join_request_not_found', 'Nobody with this member key asked to join', 'memberKey'),
  memberNotFound: () => notFound('member_not_found', 'Nobody with this member key is a member', 'memberKey'),

  // 403
  foundNotAllowed: () =>
    forbidden('found_not_allowed', 'Only a facilitator founds a group, or a citizen proposes one'),
  outsideFacilitatorRegion: (action: string) =>
    forbidden(
      'outside_facilitator_region',
      `Only a facilitator of the group's region (or a platform-wide one) may ${action}`,
    ),
  facilitatorOnly: (action: string) => forbidden('facilitator_only', `Only a facilitator may ${action}`),
  citizenOnly: (action: string) => forbidden('citizen_only', `Only a citizen may ${action}`),
  leadsOnly: (action: string) =>
    forbidden(
      'coordinator_or_facilitator_only',
      `Only a coordinator of the group or a facilitator of its region may ${action}`,
    ),
  membersOnly: (action: string) => forbidden('members_only', `Only a member of the group may ${action}`),

  // 409
  alreadyExists: () => conflict('group_already_exists', 'This group was already founded or proposed'),
  invalidTransition: (action: string, status: GroupStatus) =>
    conflict('invalid_transition', `Cannot ${action} a group whose status is ${status}`),
  notActive: (status: GroupStatus) =>
    conflict('group_not_active', `The group is ${status}: it takes no joins, drafts or reports`),
  alreadyMember: () => conflict('already_member', 'You are already a member of this group'),
  alreadyRequested: () => conflict('join_already_requested', 'You already asked to join this group'),
  notMember: () => conflict('not_a_member', 'You are not a member of this group'),
  alreadyCoordinator: () => conflict('already_coordinator', 'This member is already a coordinator'),
  notCoordinator: () => conflict('not_a_coordinator', 'This member is not a coordinator'),

  // 400
  invalidLength: (code: string, field: string, min: number, max: number) =>
    invalid(code, `${field} must be ${min}–${max} characters`, field),
  unknownRegion: () =>
    invalid('unknown_region', 'The region code is not a known Indonesian region', 'regionCode'),
  regionLevel: () =>
    invalid('group_region_level', 'A group is founded in a district or a village', 'regionCode'),
  invalidJoinPolicy: () => invalid('invalid_join_policy', 'The join policy is open or closed', 'joinPolicy'),
  invalidThreshold: (max: number) =>
    invalid(
      'invalid_signature_threshold',
      `The signature threshold is a whole number from 1 to ${max}`,
      'signatureThreshold',
    ),
};

/** The problems of an aspiration's `groupId` (a submission naming a group): each names the field. */
export const groupIdErrors = {
  notFound: () => notFound('group_not_found', 'The group does not exist', 'groupId'),
  notMember: () =>
    new DomainError(
      'forbidden',
      'not_a_group_member',
      'Only its members (or a facilitator of its region) submit for a group',
      'groupId',
    ),
  notActive: (status: GroupStatus) =>
    new DomainError(
      'conflict',
      'group_not_active',
      `The group is ${status}: it takes no aspirations`,
      'groupId',
    ),
};
