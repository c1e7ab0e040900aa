// The shapes the pages read, as docs/api.md and the OpenAPI document describe them.

export type ThreadStatus = 'submitted' | 'verified' | 'rejected' | 'in_progress' | 'resolved' | 'closed';
export const THREAD_STATUSES: readonly ThreadStatus[] = [
  'submitted',
  'verified',
  'rejected',
  'in_progress',
  'resolved',
  'closed',
];
export type ThreadSort = 'newest' | 'oldest' | 'endorsed' | 'overdue' | 'due';
export const THREAD_SORTS: readonly ThreadSort[] = ['newest', 'oldest', 'endorsed', 'overdue', 'due'];

export interface ThreadSummary {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly regionCode: string;
  readonly status: ThreadStatus;
  readonly agencyId: string | null;
  readonly submittedAt: string;
  readonly dueAt: string | null;
  readonly endorsements: number;
  readonly messageCount: number;
  readonly updatedAt: string;
  readonly position: string;
  readonly overdue: boolean;
}

/** One page of any list route: its items, the cursor of the next page (null at the end), the position it read. */
export interface Paged<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  readonly position: string;
}

export type ThreadPage = Paged<ThreadSummary>;

export interface ThreadMessage {
  readonly messageId: string;
  readonly kind: 'submission' | 'response' | 'reply';
  readonly title?: string;
  readonly body: string;
  readonly at: string;
  readonly actor: { readonly id: string | null; readonly role: string };
  readonly agencyId?: string;
  /** A reply a facilitator relayed for a villager who is not online. */
  readonly relayedForVillager?: boolean;
  readonly hidden?: { readonly reason: string; readonly at: string };
}

export interface TimelineEntry {
  readonly type: string;
  readonly at: string;
  readonly status: ThreadStatus;
  readonly position: string;
  readonly agencyId?: string;
  readonly reason?: string;
}

export interface ThreadDetail extends Omit<ThreadSummary, 'messageCount' | 'updatedAt'> {
  readonly visibility: 'public' | 'confidential';
  readonly anonymous: boolean;
  readonly submittedBy: string | null;
  /** The villager a facilitator submitted for; shown to those who may know who submitted. */
  readonly onBehalfOf?: { readonly name: string; readonly contact?: string };
  readonly reopenUntil: string | null;
  readonly rating: number | null;
  readonly messages: ThreadMessage[];
  readonly timeline: TimelineEntry[];
}

export interface AspirationDetail {
  readonly aspiration: ThreadDetail;
  readonly position: string;
}

export interface CommandResult {
  readonly id: string;
  readonly position: string | null;
  readonly messageId?: string;
}

export interface Category {
  readonly code: string;
  readonly name: string;
  readonly defaultAgencyId: string;
}

export type TimeZoneName = 'WIB' | 'WITA' | 'WIT';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: 'province' | 'regency' | 'district' | 'village';
  readonly parentCode: string | null;
  readonly path: readonly string[];
  readonly timeZone: TimeZoneName;
  readonly hasChildren: boolean;
}

export interface Agency {
  readonly agencyId: string;
  readonly name: string;
  readonly regionCode: string;
  readonly parentAgencyId: string | null;
  readonly categories: readonly string[];
}
