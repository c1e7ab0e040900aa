import { deadlineWork } from '../../aspirations/read-models/thread-deadlines';
import { ThreadDocument } from '../../aspirations/read-models/thread.document';

/**
 * A thread document as the projection leaves it, with its scheduler fields computed the projection's way: enough of
 * one for the scheduler, which reads the status, the deadlines, the region and the position.
 */
export function thread(fields: Partial<ThreadDocument> = {}): ThreadDocument {
  const base: ThreadDocument = {
    _id: 'asp-1',
    title: 'Jalan rusak di Kasongan Baru',
    category: 'infrastruktur',
    regionCode: '62.06.02.1003',
    regions: ['62', '62.06', '62.06.02', '62.06.02.1003'],
    visibility: 'public',
    anonymous: false,
    groupId: null,
    submittedBy: 'citizen-1',
    onBehalfOf: null,
    status: 'submitted',
    published: false,
    agencyId: null,
    submittedAt: '2026-01-09T03:00:00.000Z',
    verificationDueAt: '2026-01-14T16:59:59.999Z',
    followUpDueAt: null,
    autoCloseDueAt: null,
    reopenUntil: null,
    dueAt: '2026-01-14T16:59:59.999Z',
    dueSort: '2026-01-14T16:59:59.999Z',
    remindedDeadlines: {},
    escalatedDeadlines: {},
    assignedAt: null,
    firstRespondedAt: null,
    rating: null,
    endorsements: 0,
    messages: [],
    timeline: [],
    words: [],
    lastPosition: '0000000000000000000000000000000000000001',
    updatedAt: '2026-01-09T03:00:00.000Z',
    ...fields,
  };
  return { ...base, ...deadlineWork(base) };
}

/** In progress with the agency, waiting for its response until `followUpDueAt`. */
export const inProgress = (followUpDueAt: string, fields: Partial<ThreadDocument> = {}) =>
  thread({ status: 'in_progress', agencyId: 'dinas-pupr', followUpDueAt, dueAt: followUpDueAt, ...fields });
