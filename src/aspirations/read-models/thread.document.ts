import { Doc } from '../../platform/document-store/document-store.port';
import { AspirationStatus } from '../domain/aspiration.state';
import { EscalationStage, OnBehalfOf, Visibility } from '../domain/aspiration.events';
import { ResponseHistogram } from './response-histogram';

/** The read model of aspiration threads and the statistics built from them (one projection writes both). */
export const ASPIRATIONS_PROJECTION = 'aspirations';
export const THREADS = 'threads';
export const STATISTICS = 'statistics';

export type ThreadStatus = Exclude<AspirationStatus, 'none'>;

/** Every status a thread can have, in lifecycle order: the list filter, statistics and OpenAPI share it. */
export const THREAD_STATUSES: readonly ThreadStatus[] = [
  'submitted',
  'verified',
  'rejected',
  'in_progress',
  'resolved',
  'closed',
];

/** Who wrote a message; `erased` once that person was erased (their id is then null for everyone). */
export interface ThreadActor {
  readonly id: string | null;
  readonly role: string;
  readonly erased?: true;
}

export interface ThreadMessage {
  readonly messageId: string;
  readonly kind: 'submission' | 'response' | 'reply';
  readonly title?: string;
  readonly body: string;
  readonly at: string;
  readonly actor: ThreadActor;
  readonly agencyId?: string;
  /** A reply a facilitator relayed for a villager who is not online. */
  readonly relayedForVillager?: true;
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

/** A due instant per deadline stage, as the aspiration's state keeps them. */
export type StageDeadlines = Readonly<Partial<Record<EscalationStage, string>>>;

/** One aspiration as every view needs it; views redact it per audience (thread-views.ts). */
export interface ThreadDocument extends Doc {
  readonly _id: string;
  readonly title: string;
  readonly category: string;
  readonly regionCode: string;
  /** The code and each of its parents ('62', '62.06', …): a region filter is one equality. */
  readonly regions: readonly string[];
  readonly visibility: Visibility;
  readonly anonymous: boolean;
  readonly groupId: string | null;
  /** The group's name when it was submitted (absent in documents written before groups existed: read as null). */
  readonly groupName?: string | null;
  /** For a group draft: how many members signed it (the drafter included); null for anyone else's submission. */
  readonly groupSignatures?: number | null;
  readonly groupDraftId?: string | null;
  /** The group's monitoring report it was made from. */
  readonly monitoringReportId?: string | null;
  readonly submittedBy: string | null;
  /** The submitter was erased: submittedBy is null for good (absent in documents written before erasure existed). */
  readonly submitterErased?: boolean;
  readonly onBehalfOf: OnBehalfOf | null;
  readonly status: ThreadStatus;
  readonly published: boolean;
  readonly agencyId: string | null;
  readonly submittedAt: string;
  readonly verificationDueAt: string;
  readonly followUpDueAt: string | null;
  readonly autoCloseDueAt: string | null;
  readonly reopenUntil: string | null;
  /** The deadline of the step the thread waits for (verification or the agency's follow-up), if any. */
  readonly dueAt: string | null;
  /** dueAt, or a value after every date when nothing is due: sorts threads without a deadline last. */
  readonly dueSort: string;
  /** The deadlines reminded of and escalated, per stage (absent in documents written before the scheduler). */
  readonly remindedDeadlines?: StageDeadlines;
  readonly escalatedDeadlines?: StageDeadlines;
  /**
   * The deadline scheduler's work, as epoch milliseconds so both stores range-query it by index (thread-deadlines.ts):
   * the open deadline not yet reminded of, the open deadline not yet escalated, the pending automatic close. Null
   * when there is none; absent in documents written before the scheduler existed (a rebuild fills them in).
   */
  readonly remindBeforeMs?: number | null;
  readonly escalateAfterMs?: number | null;
  readonly autoCloseAfterMs?: number | null;
  readonly assignedAt: string | null;
  readonly firstRespondedAt: string | null;
  readonly rating: number | null;
  readonly endorsements: number;
  readonly messages: readonly ThreadMessage[];
  readonly timeline: readonly TimelineEntry[];
  /** Normalized words of the title and body, for text search. */
  readonly words: readonly string[];
  readonly lastPosition: string;
  readonly updatedAt: string;
}

/** Per agency: how fast and how often in time it answered first. */
export interface AgencyStatisticsDocument extends Doc {
  readonly kind: 'agency';
  readonly agencyId: string;
  /** First responses per bucket of minutes (response-histogram.ts): a fixed size, however many answers. */
  readonly responseHistogram?: ResponseHistogram;
  /** Every first response's minutes, as documents kept them before the buckets (read as a histogram). */
  readonly responseMinutes?: readonly number[];
  readonly answered: number;
  readonly answeredInTime: number;
}

/** A count of aspirations by one dimension's value (status, category or region). */
export interface CountDocument extends Doc {
  readonly kind: 'count';
  readonly dimension: 'status' | 'category' | 'region';
  readonly key: string;
  readonly count: number;
}

/** Sorts after every ISO date. */
export const NOTHING_DUE = '~';

export const countId = (dimension: CountDocument['dimension'], key: string) => `count:${dimension}:${key}`;
export const agencyStatisticsId = (agencyId: string) => `agency:${agencyId}`;

/** Lowercase words without diacritics, two characters or more: how titles, bodies and queries are compared. */
export function normalizedWords(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
  return [...new Set(words)];
}

/** '62.06.02.1003' → ['62', '62.06', '62.06.02', '62.06.02.1003']. */
export function regionPrefixes(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}
