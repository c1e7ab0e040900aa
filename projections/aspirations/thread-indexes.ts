import { IndexSpec } from '../../src/platform/document-store/document-store.port';

type Fields = IndexSpec['fields'];

/** The three orders a list of threads comes in (src/aspirations/queries/thread-filters.ts), `_id` breaking ties. */
const NEWEST: Fields = { submittedAt: -1, _id: -1 };
const ENDORSED: Fields = { endorsements: -1, _id: -1 };
const DUE: Fields = { dueSort: 1, _id: 1 };

const after = (prefix: Fields, order: Fields): IndexSpec => ({ fields: { ...prefix, ...order } });

/**
 * An index for every list of threads: its equality filter first, then its sort, then `_id` (the cursor's tie-break),
 * so a page is read in order from the index and never sorted in memory. A viewer's visibility is an $or of
 * `published`, `submittedBy`, `regions` and `agencyId`: each branch has its own index in each order it is read in.
 */
export const THREAD_INDEXES: readonly IndexSpec[] = [
  // The public feed, in each of its orders, and what citizens and officials see beside their own.
  after({ published: 1 }, NEWEST),
  after({ published: 1 }, ENDORSED),
  after({ published: 1 }, DUE),
  // Everything, for auditors and unbound facilitators (the queues' "overdue" tab reads DUE).
  after({}, NEWEST),
  after({}, ENDORSED),
  after({}, DUE),
  // "My aspirations", a facilitator's region, an official's agency.
  after({ submittedBy: 1 }, NEWEST),
  after({ regions: 1 }, NEWEST),
  after({ regions: 1 }, DUE),
  after({ agencyId: 1 }, NEWEST),
  // An agency's inbox: its open items by deadline.
  after({ agencyId: 1, status: 1 }, DUE),
  // The facilitators' queues (to verify: by deadline; to route: newest) and the list's own filters.
  after({ status: 1 }, DUE),
  after({ status: 1 }, NEWEST),
  after({ category: 1 }, NEWEST),
  after({ groupId: 1 }, NEWEST),
  after({ words: 1 }, NEWEST),
  // What the deadline scheduler pages through at each tick (src/scheduler/due-work.ts), in due order.
  { fields: { remindBeforeMs: 1, _id: 1 } },
  { fields: { escalateAfterMs: 1, _id: 1 } },
  { fields: { autoCloseAfterMs: 1, _id: 1 } },
];
