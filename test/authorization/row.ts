import { Outcomes, Role } from './outcomes';

/** The states an aspiration is set up in before a row is tried (all public unless named otherwise). */
export type Situation =
  'submitted' | 'verificationOverdue' | 'verified' | 'assigned' | 'resolved' | 'confidential';

/** How each situation reads in the document. */
export const SITUATIONS: Record<Situation, string> = {
  submitted: 'submitted, not verified yet',
  verificationOverdue: 'submitted, verification deadline passed',
  verified: 'verified',
  assigned: 'assigned to A',
  resolved: 'assigned to A, then resolved',
  confidential: 'confidential, assigned to A',
};

/**
 * The states a group (in Kasongan Baru, Katingan: the facilitator's region) is set up in. On every group row the
 * "submitter" coordinates the group (or proposed it) and the "other citizen" is no member unless named.
 */
export type GroupSituation = 'open' | 'closed' | 'coordinated' | 'proposed' | 'draft' | 'report';

export const GROUP_SITUATIONS: Record<GroupSituation, string> = {
  open: 'open group; submitter its coordinator; memberKey of another member',
  closed: 'closed group; submitter its coordinator; memberKey of a person asking to join',
  coordinated: 'open group; memberKey of a second coordinator',
  proposed: 'proposed by the submitter, not approved yet',
  draft: "open group; the other citizen a member; the submitter's draft, short of signatures",
  report: 'open group; submitter its coordinator; a monitoring report the submitter recorded',
};

export interface GroupSetup {
  readonly id: string;
  readonly position: string;
  /** The member (or person asking) the situation names. */
  readonly memberKey: string;
  readonly draftId?: string;
  readonly reportId?: string;
}

/**
 * The announcements an announcement row acts on, all published by the official of A: to Katingan (the facilitator's
 * region), to an open group of Kasongan Baru the submitter coordinates, or to Katingan with the submitter's question.
 */
export type AnnouncementSituation = 'region' | 'group' | 'question';

export const ANNOUNCEMENT_SITUATIONS: Record<AnnouncementSituation, string> = {
  region: "by A to Katingan (the facilitator's region)",
  group: 'by A to an open group of Kasongan Baru; the submitter its member',
  question: "by A to Katingan; the submitter's question, unanswered",
};

export interface AnnouncementSetup {
  readonly id: string;
  readonly position: string;
  readonly groupId?: string;
  readonly questionId?: string;
}

export interface AspirationSetup {
  readonly id: string;
  /** The submission's message (the one a facilitator may hide). */
  readonly messageId: string;
  /** Read-your-writes: every read passes it as minPosition (or `since` on /live). */
  readonly position: string;
  /** A word only this aspiration's title holds, so a list can be filtered down to it. */
  readonly marker: string;
}

/**
 * What a row's recipe may ask for. The e2e walk implements it against the real app: real accounts signed
 * in for every role, real commands for every setup. Setups a row asks for more than once are shared while
 * the walk tries refusals (which write nothing), and made afresh for each caller who is allowed.
 */
export interface World {
  /** The agency of the "official of A" column, and another one ("official of B"). */
  readonly agencyA: string;
  readonly agencyB: string;
  aspiration(situation: Situation): Promise<AspirationSetup>;
  group(situation: GroupSituation): Promise<GroupSetup>;
  announcement(situation: AnnouncementSituation): Promise<AnnouncementSetup>;
  /** Endorses as this caller, where the caller may; the withdrawal row's precondition. */
  endorseIfAble(role: Role, aspirationId: string): Promise<void>;
  /** An official the admin added to agency A. */
  officialOfA(): Promise<string>;
  unique(prefix: string): string;
  /** Registered, not yet confirmed: its login and the code the outbox holds. */
  pendingAccount(): Promise<{ login: string; code: string }>;
  activeAccount(): Promise<{ login: string; password: string }>;
  passwordResetRequested(): Promise<{ login: string; code: string }>;
  /** A fresh session's refresh token. */
  refreshToken(): Promise<string>;
  /** The access token of the column's account (anonymous has none). */
  tokenOf(role: Role): string | undefined;
  /** The id of the column's own account (anonymous has none). */
  accountIdOf(role: Role): string | undefined;
  /** A new account holding the column's role, signed in; none for anonymous. */
  newAccountAs(role: Role): Promise<{ token: string; password: string } | undefined>;
  /** An active account that holds no role but citizen. */
  citizenAccountId(): Promise<string>;
  /** An active account an admin granted the auditor role. */
  auditorAccountId(): Promise<string>;
  /** An invitation the admin sent and nobody accepted yet: its id, its login and the code the outbox holds. */
  invitation(): Promise<{ invitationId: string; login: string; code: string }>;
  /** Something new in the event log, so that a new checkpoint has more to cover than the latest. */
  logGrown(): Promise<void>;
  /** An Open311 client application the admin issued a key to, not revoked: its id. */
  open311Client(): Promise<string>;
  /** A signed checkpoint, and the position of an event it covers. */
  checkpoint(): Promise<{ treeSize: number; position: string }>;
}

/** How a row is tried over HTTP: the concrete path and body; for list rows, the id that must (not) be listed. */
export interface HttpAttempt {
  readonly path: string;
  readonly body?: unknown;
  readonly lists?: string;
  /** Another token of the caller's role (from newAccountAs), for operations that change or end the account. */
  readonly token?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RowBase {
  /** What the caller acts on, in words, when it matters (e.g. "before verification"). */
  readonly situation?: string;
  readonly outcomes: Outcomes;
  /** What the reader should know beyond the reasons for refusals (e.g. what the credential is). */
  readonly note?: string;
}

/** One HTTP operation (as OpenAPI names it) in one situation. */
export interface HttpRow extends RowBase {
  readonly kind: 'http';
  readonly method: HttpMethod;
  readonly path: string;
  /** The setup survives the operation (reads, no-op or stateless commands): every caller may share one. */
  readonly sharesSetup?: boolean;
  /** A list: `allowed` means the aspiration is listed, `unlisted` that the list answers without it. */
  readonly list?: boolean;
  attempt(world: World, role: Role): Promise<HttpAttempt>;
}

/** One client message on `/live`; for `subscribe`, one topic kind (`aspiration:<id>`, …). */
export interface LiveRow extends RowBase {
  readonly kind: 'live';
  readonly message: string;
  readonly topic?: string;
  attempt(world: World, role: Role): Promise<Record<string, unknown>>;
}

export type Row = HttpRow | LiveRow;

/** `feed`, `region`, `agency`, `aspiration`, `group`: what comes before the colon. */
export const topicKindOf = (topic: string): string => topic.split(':')[0];

/** How the row is named in the document. */
export function operationOf(row: Row): string {
  if (row.kind === 'http') return `${row.method} ${row.path}`;
  return row.topic === undefined ? `/live ${row.message}` : `/live ${row.message} ${row.topic}`;
}
