import { conflict, forbidden, invalid, notFound } from '../../platform/domain/domain-errors';
import { AspirationStatus } from './aspiration.state';

// Codes are a client contract (problem details `code`): never rename one.
export const aspirationErrors = {
  // 404
  notFound: () => notFound('aspiration_not_found', 'The aspiration does not exist'),
  messageNotFound: (messageId: string) =>
    notFound('message_not_found', `Message ${messageId} is not part of this aspiration`),

  // 403
  submitNotAllowed: () =>
    forbidden('submit_not_allowed', 'Only a citizen or a facilitator submits aspirations'),
  onBehalfOfNotAllowed: () =>
    forbidden('on_behalf_of_not_allowed', 'Only a facilitator submits on behalf of a villager'),
  facilitatorOnly: (action: string) => forbidden('facilitator_only', `Only a facilitator may ${action}`),
  submitterOnly: (action: string) => forbidden('submitter_only', `Only the submitter may ${action}`),
  relayOnly: (action: string) =>
    forbidden('relay_facilitator_only', `Only a facilitator of its region may ${action} for the villager`),
  closeNotAllowed: () =>
    forbidden('close_not_allowed', 'Only its submitter or a facilitator of its region may close it'),
  assignedOfficialOnly: (action: string) =>
    forbidden('assigned_official_only', `Only an official of the assigned agency may ${action}`),
  assignedOfficialOrFacilitatorOnly: (action: string) =>
    forbidden(
      'assigned_official_or_facilitator_only',
      `Only a facilitator or an official of the assigned agency may ${action}`,
    ),
  systemOnly: (action: string) => forbidden('system_only', `Only the platform itself may ${action}`),
  systemOrFacilitatorOnly: (action: string) =>
    forbidden('system_or_facilitator_only', `Only the platform or a facilitator may ${action}`),
  outsideFacilitatorRegion: (action: string) =>
    forbidden(
      'outside_facilitator_region',
      `Only a facilitator of the aspiration's region (or a platform-wide one) may ${action}`,
    ),

  // 409
  alreadySubmitted: () => conflict('aspiration_already_exists', 'This aspiration was already submitted'),
  invalidTransition: (action: string, status: AspirationStatus) =>
    conflict('invalid_transition', `Cannot ${action} an aspiration whose status is ${status}`),
  messageAlreadyExists: (messageId: string) =>
    conflict('message_already_exists', `Message ${messageId} already exists`),
  messageAlreadyHidden: (messageId: string) =>
    conflict('message_already_hidden', `Message ${messageId} is already hidden`),
  alreadyRated: () => conflict('already_rated', 'This aspiration was already rated'),
  reopenWindowClosed: (reopenUntil: string) =>
    conflict('reopen_window_closed', `The aspiration could be reopened until ${reopenUntil}`),
  noReplyPending: () =>
    conflict(
      'no_reply_pending',
      'No official response is waiting for a reply, so nothing closes automatically',
    ),
  autoCloseNotDue: (dueAt: string) =>
    conflict('auto_close_not_due', `The automatic close is due after ${dueAt}`),
  deadlineNotPassed: (dueAt: string) =>
    conflict('deadline_not_passed', `The deadline ${dueAt} has not passed`),
  alreadyResponded: () =>
    conflict(
      'already_responded',
      'The assigned agency has responded; there is no response deadline to escalate',
    ),
  alreadyEscalated: (dueAt: string) =>
    conflict('already_escalated', `The missed deadline ${dueAt} was already escalated`),
  deadlineChanged: (stage: string, dueAt: string) =>
    conflict('deadline_changed', `The open ${stage} deadline is now ${dueAt}`),
  deadlinePassed: (dueAt: string) =>
    conflict('deadline_passed', `The deadline ${dueAt} has passed: it is escalated, not reminded of`),
  alreadyReminded: (dueAt: string) =>
    conflict('already_reminded', `The deadline ${dueAt} was already reminded of`),

  // 400
  invalidLength: (code: string, field: string, min: number, max: number) =>
    invalid(code, `${field} must be ${min}–${max} characters`, field),
  unknownCategory: () => invalid('unknown_category', 'The category is not in the catalogue', 'category'),
  unknownRegion: () =>
    invalid('unknown_region', 'The region code is not a known Indonesian region', 'regionCode'),
  invalidVisibility: () =>
    invalid('invalid_visibility', 'Visibility is public or confidential', 'visibility'),
  invalidAnonymous: () => invalid('invalid_anonymous', 'Anonymous is true or false', 'anonymous'),
  onBehalfOfRequired: () =>
    invalid(
      'on_behalf_of_required',
      'A facilitator submits on behalf of a villager, named here',
      'onBehalfOf',
    ),
  invalidAgencyId: (field: 'agencyId' | 'toAgencyId') =>
    invalid('invalid_agency_id', 'The agency id is required', field),
  sameAgency: () => invalid('same_agency', 'The aspiration is already with this agency', 'toAgencyId'),
  invalidRating: () => invalid('invalid_rating', 'The rating is a whole number from 1 to 5', 'rating'),
  invalidCloseReason: () =>
    invalid('invalid_close_reason', 'The reason is by_submitter, by_facilitator or auto_no_reply', 'reason'),
  invalidStage: () => invalid('invalid_stage', 'The stage is verification or response', 'stage'),
  verificationTargetNotAllowed: () =>
    invalid(
      'escalation_target_not_allowed',
      'A missed verification escalates to the facilitators only',
      'toAgencyId',
    ),
};
