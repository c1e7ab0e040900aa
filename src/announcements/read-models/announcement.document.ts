import { Doc } from '../../platform/document-store/document-store.port';
import { personKey } from '../../notifications/read-models/notification.document';

/** The announcements read model: one projection (projections/announcements) writes both collections. */
export const ANNOUNCEMENTS_PROJECTION = 'announcements';
/** One document per announcement: its versions, questions and answers, and its acknowledgement count. */
export const ANNOUNCEMENTS = 'announcements';
/** One document per (announcement, person) acknowledgement, keyed by personKey: "did I acknowledge". */
export const ANNOUNCEMENT_ACKS = 'announcementAcknowledgements';

export interface VersionDocument {
  readonly version: number;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  readonly at: string;
}

export interface QuestionDocument {
  readonly questionId: string;
  readonly text: string;
  readonly askedAt: string;
  /** The asker's account id, for erasure only; null once they were erased. Never in a view. */
  readonly askedBy: string | null;
  readonly askerName: string | null;
  readonly answer: { readonly text: string; readonly answeredAt: string } | null;
}

export interface AnnouncementDocument extends Doc {
  readonly _id: string;
  readonly status: 'published' | 'withdrawn';
  /** Every version, oldest first: the last is the current text. */
  readonly versions: readonly VersionDocument[];
  readonly targetKind: 'region' | 'groups';
  /** The region of a region announcement; null for a group one. */
  readonly regionCode: string | null;
  readonly groupIds: readonly string[];
  /** Each targeted group's region and every region above it: a facilitator of any of them sees it. */
  readonly groupRegions: readonly string[];
  /** The publishing agency; null when a facilitator published. */
  readonly publisherAgency: string | null;
  readonly publishedAt: string;
  readonly withdrawnAt: string | null;
  readonly withdrawnReason: string | null;
  readonly acknowledgements: number;
  readonly questions: readonly QuestionDocument[];
  readonly updatedAt: string;
  readonly lastPosition: string;
}

export interface AcknowledgementDocument extends Doc {
  /** `<announcementId>:<personKey>`. */
  readonly _id: string;
  readonly announcementId: string;
  readonly personKey: string;
  readonly acknowledgedAt: string;
}

export const acknowledgementId = (announcementId: string, personId: string): string =>
  `${announcementId}:${personKey(personId)}`;
