import { DomainEvent } from '../../platform/domain/decider';

// Type strings and fields are a stored contract: never rename; add a new type or upcast. Dates are ISO strings.
// Publishers, correctors and answerers act in office (the metadata's actor). An asker is a citizen: `askedBy` and
// `askerName` are sealed with their key (announcement.personal-data.ts).

/** Where an announcement goes: a region (and everything below it), or one or more groups. */
export type AnnouncementTarget =
  | { readonly kind: 'region'; readonly regionCode: string }
  | { readonly kind: 'groups'; readonly groups: readonly { groupId: string; regionCode: string }[] };

/** Who published it, which decides who may correct, withdraw and answer: its agency, or facilitators of a region. */
export interface Publisher {
  /** The publishing official's agency; null when a facilitator published. */
  readonly agencyId: string | null;
}

export type AnnouncementPublished = DomainEvent<
  'AnnouncementPublished',
  {
    announcementId: string;
    title: string;
    body: string;
    link: string | null;
    target: AnnouncementTarget;
    publisher: Publisher;
    publishedAt: string;
  }
>;

/** A new version of the text; earlier versions stay in history, shown as corrected. */
export type AnnouncementCorrected = DomainEvent<
  'AnnouncementCorrected',
  { version: number; title: string; body: string; link: string | null; correctedAt: string }
>;

export type AnnouncementWithdrawn = DomainEvent<
  'AnnouncementWithdrawn',
  { reason: string; withdrawnAt: string }
>;

export type AnnouncementQuestionAsked = DomainEvent<
  'AnnouncementQuestionAsked',
  { questionId: string; text: string; askedBy: string; askerName?: string; askedAt: string }
>;

export type AnnouncementQuestionAnswered = DomainEvent<
  'AnnouncementQuestionAnswered',
  { questionId: string; text: string; answeredAt: string }
>;

export type AnnouncementEvent =
  | AnnouncementPublished
  | AnnouncementCorrected
  | AnnouncementWithdrawn
  | AnnouncementQuestionAsked
  | AnnouncementQuestionAnswered;

/** One person's acknowledgement, in its own stream: the person is the (sealed) actor, never the data. */
export type AnnouncementAcknowledged = DomainEvent<
  'AnnouncementAcknowledged',
  { announcementId: string; acknowledgedAt: string }
>;
