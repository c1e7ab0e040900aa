import { Command } from '../../platform/domain/decider';

/** A targeted group as the handler found it (folded from its stream); null when there is no such group. */
export interface TargetGroupFacts {
  readonly groupId: string;
  readonly regionCode: string;
  readonly status: 'proposed' | 'active' | 'dissolved';
}

export type PublishAnnouncement = Command<
  'PublishAnnouncement',
  {
    announcementId: string;
    title: unknown;
    body: unknown;
    link?: unknown;
    /** Exactly one of a region or groups. */
    regionCode?: unknown;
    groupIds?: readonly string[];
    /** The groups named, in order, as the handler found them. */
    groups?: readonly (TargetGroupFacts | null)[];
  }
>;

export type CorrectAnnouncement = Command<
  'CorrectAnnouncement',
  { title: unknown; body: unknown; link?: unknown }
>;

export type WithdrawAnnouncement = Command<'WithdrawAnnouncement', { reason: unknown }>;

export type AskQuestion = Command<
  'AskQuestion',
  {
    questionId: string;
    text: unknown;
    /** Whether the asker may see the announcement: for a group one, their memberships (the handler's to know). */
    sees: boolean;
    displayName?: string;
  }
>;

export type AnswerQuestion = Command<'AnswerQuestion', { questionId: string; text: unknown }>;

export type AnnouncementCommand =
  PublishAnnouncement | CorrectAnnouncement | WithdrawAnnouncement | AskQuestion | AnswerQuestion;

/** In the person's own acknowledgement stream: what the handler knows of the announcement, null if none or unseen. */
export type AcknowledgeAnnouncement = Command<
  'AcknowledgeAnnouncement',
  { announcementId: string; announcement: { status: 'published' | 'withdrawn' } | null }
>;
