import { conflict, forbidden, invalid, notFound } from '../../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const reportErrors = {
  groupNotFound: () => notFound('group_not_found', 'The group does not exist'),
  reportNotFound: () => notFound('report_not_found', 'The group has no such monitoring report'),
  membersOnly: (action: string) => forbidden('members_only', `Only a member of the group may ${action}`),
  insidersOnly: (action: string) =>
    forbidden('members_only', `Only its members and the facilitators of its region may ${action}`),
  alreadyRecorded: () => conflict('report_already_exists', 'This monitoring report was already recorded'),
  commentExists: () => conflict('comment_already_exists', 'This comment was already added'),
  alreadyRaised: () =>
    conflict('report_already_raised', 'This monitoring report already became an aspiration or a draft'),
  invalidLength: (code: string, field: string, min: number, max: number) =>
    invalid(code, `${field} must be ${min}–${max} characters`, field),
  invalidDate: () =>
    invalid('invalid_monitored_on', 'monitoredOn is a date (YYYY-MM-DD) not after today', 'monitoredOn'),
  invalidPhoto: () =>
    invalid(
      'invalid_photo',
      'photo is an https URL or a reference of up to 500 visible characters without spaces',
      'photo',
    ),
  raisedAsOne: () =>
    invalid(
      'invalid_raise',
      'A report becomes an aspiration or a draft, exactly one of them',
      'aspirationId',
    ),
};
