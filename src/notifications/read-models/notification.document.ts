import { createHash } from 'node:crypto';
import { Doc } from '../../platform/document-store/document-store.port';
import { deriveId } from '../../platform/ids';
import { NotificationKind, NotificationPreferences, StoredPushSubscription } from '../domain/preferences';

/** The notifications read model: one projection writes every collection below. */
export const NOTIFICATIONS_PROJECTION = 'notifications';
/** One document per (person, notification). */
export const NOTIFICATIONS = 'notifications';
/** Per aspiration, what notifications need of it (title, audience facts, agency). */
export const NOTIFIED_THREADS = 'notifiedThreads';
/** One document per (aspiration, person) who follows or stopped following it. */
export const FOLLOWERS = 'followers';
/** Who holds a staff role (official of an agency, facilitator of a region, auditor, admin), from account events. */
export const STAFF_ROLES = 'staffRoles';
/** Per person: notification preferences and Web Push subscriptions. */
export const NOTIFIED_PEOPLE = 'notifiedPeople';
/** Per group: its name and region, for the notifications about it. */
export const NOTIFIED_GROUPS = 'notifiedGroups';
/** An announcement question not answered yet: who asked it, to tell them of the answer (then deleted). */
export const NOTIFIED_QUESTIONS = 'notifiedQuestions';
/** One document per (group, person) who is a member or asked to join, with their coordinator office. */
export const GROUP_MEMBERS = 'groupMembers';

/** A status change a notification tells of. */
export type StatusChange = 'verified' | 'rejected' | 'assigned' | 'resolved' | 'closed' | 'reopened';
export type DeadlineStage = 'verification' | 'response';

export interface NotificationDocument extends Doc {
  readonly _id: string;
  readonly personId: string;
  readonly kind: NotificationKind;
  /** Null for a join request and a draft (absent fields below: documents from before groups, read as null). */
  readonly aspirationId: string | null;
  readonly groupId?: string | null;
  readonly draftId?: string | null;
  /** The thread's title as this person may see it ('' when a moderator hid it); a group's name; a draft's title. */
  readonly title: string;
  readonly change: StatusChange | null;
  readonly stage: DeadlineStage | null;
  readonly dueAt: string | null;
  /** The agency that answered, received or missed it; never a person. */
  readonly agencyId: string | null;
  readonly at: string;
  readonly read: boolean;
  /** Stored (fixed-width) position of the event that caused it. */
  readonly position: string;
}

export interface NotifiedThreadDocument extends Doc {
  readonly _id: string;
  readonly title: string;
  readonly regionCode: string;
  readonly visibility: 'public' | 'confidential';
  readonly anonymous: boolean;
  readonly submittedBy: string | null;
  readonly status: string;
  readonly agencyId: string | null;
  readonly submissionMessageId: string;
  readonly submissionHidden: boolean;
  /** The group it was submitted for (absent in documents from before groups). */
  readonly groupId?: string | null;
}

export interface FollowerDocument extends Doc {
  readonly _id: string;
  readonly aspirationId: string;
  readonly personId: string;
  /** The role the person followed in, for people whose role no account event tells (development or OIDC tokens). */
  readonly role: string;
  readonly regionCode: string | null;
  readonly following: boolean;
  /**
   * submitted: from the submission on; responded: an official who answered; followed: by a follow of their own;
   * group: a member of the group whose co-signed draft it is, from its submission on.
   */
  readonly reason: 'submitted' | 'responded' | 'followed' | 'group';
  readonly since: string;
}

export type StaffKind = 'official' | 'facilitator' | 'auditor' | 'admin';

export interface NotifiedGroupDocument extends Doc {
  readonly _id: string;
  readonly name: string;
  readonly regionCode: string;
}

export interface GroupMemberDocument extends Doc {
  /** `<groupId>:<personKey>`. */
  readonly _id: string;
  readonly groupId: string;
  readonly personId: string;
  readonly status: 'member' | 'requested';
  readonly coordinator: boolean;
}

export const groupMemberId = (groupId: string, personId: string): string =>
  `${groupId}:${personKey(personId)}`;

export interface StaffRoleDocument extends Doc {
  readonly _id: string;
  readonly personId: string;
  readonly role: string;
  readonly kind: StaffKind;
  readonly agencyId: string | null;
  /** A facilitator's region; null for a platform-wide one and for other roles. */
  readonly regionCode: string | null;
}

export interface NotifiedPersonDocument extends Doc {
  readonly _id: string;
  readonly personId: string;
  readonly preferences: NotificationPreferences | null;
  readonly pushSubscriptions: readonly StoredPushSubscription[];
}

/**
 * A person's key in topics, change-log payloads and document ids: a digest, so that no person id is in a topic name
 * (topics are not purged on erasure, payloads are). Account ids are random, so it cannot be reversed by guessing.
 */
export const personKey = (personId: string): string =>
  createHash('sha256').update(`notifications:${personId}`).digest('hex').slice(0, 32);

/**
 * The live topic of one's own notifications. Every person subscribes to `me` and is its own audience (their key), so
 * an event that tells a thousand followers is one change-log entry with a payload per person, never a thousand
 * entries; each socket joins only its person's room, and nobody can join another's.
 */
export const ME_TOPIC = 'me';

/** One notification per (event, person): derived, so a rebuild finds the same ids and deliveries never repeat. */
export const notificationIdOf = (position: bigint, personId: string): string =>
  deriveId('notification', position.toString(), personId);

export const followerId = (aspirationId: string, personId: string): string =>
  `${aspirationId}:${personKey(personId)}`;
