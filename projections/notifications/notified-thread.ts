import { AspirationEvent } from '../../src/aspirations/domain/aspiration.events';
import { NotifiedThreadDocument } from '../../src/notifications/read-models/notification.document';
import { ProjectedEvent } from '../runner/projection';

type Submitted = Extract<AspirationEvent, { type: 'AspirationSubmitted' }>['data'];

function submitted(event: ProjectedEvent): NotifiedThreadDocument {
  const data = event.data as unknown as Submitted;
  const erased = event.erased?.includes('data.submittedBy') === true;
  return {
    _id: data.aspirationId,
    title: data.title,
    regionCode: data.regionCode,
    visibility: data.visibility,
    anonymous: data.anonymous,
    submittedBy: erased ? null : data.submittedBy,
    status: 'submitted',
    agencyId: null,
    submissionMessageId: data.messageId,
    submissionHidden: false,
    groupId: data.groupId ?? null,
  };
}

/**
 * What notifications need of a thread after an aspiration event: its title, who may see it (status, visibility,
 * region, agency, submitter) and whether a moderator hid its submission. Unchanged for every other event.
 */
export function nextNotifiedThread(
  event: ProjectedEvent,
  before: NotifiedThreadDocument | undefined,
): NotifiedThreadDocument | undefined {
  if (event.type === 'AspirationSubmitted') return before ?? submitted(event);
  if (!before) return undefined;
  const data = event.data;
  switch (event.type) {
    case 'AspirationVerified':
      return { ...before, status: 'verified' };
    case 'AspirationRejected':
      return { ...before, status: 'rejected' };
    case 'AspirationAssigned':
      return { ...before, status: 'in_progress', agencyId: data.agencyId as string };
    case 'AspirationForwarded':
      return { ...before, agencyId: data.toAgencyId as string };
    case 'AspirationEscalated':
      // A parent agency took over (a fresh deadline came with it); otherwise the facilitators were only alerted.
      return data.stage === 'response' && typeof data.toAgencyId === 'string' && data.followUpDueAt
        ? { ...before, agencyId: data.toAgencyId }
        : before;
    case 'AspirationResolved':
      return { ...before, status: 'resolved' };
    case 'AspirationReopened':
      return { ...before, status: 'in_progress' };
    case 'AspirationClosed':
      return { ...before, status: 'closed' };
    case 'MessageHidden':
      return data.messageId === before.submissionMessageId ? { ...before, submissionHidden: true } : before;
    default:
      return before;
  }
}
