import { DomainEvent } from '../../platform/domain/decider';

// Type strings and fields are a stored contract: never rename; add a new type or upcast. Dates are ISO strings.
// Members are citizens: memberId, proposedBy and the names they go by are sealed with their own key
// (group.personal-data.ts). The facilitator who founds, approves or dissolves acts in office (the metadata's actor).

/** open: anyone joins at once; closed: a coordinator (or the region's facilitator) approves each request. */
export type JoinPolicy = 'open' | 'closed';

/** What founding and proposing share: the group as its members will see it. */
export interface GroupCharter {
  groupId: string;
  name: string;
  description: string;
  /** A district or village code: where the group is, and whose facilitators look after it. */
  regionCode: string;
  joinPolicy: JoinPolicy;
  /** Signatures (the drafter's included) at which a group draft is submitted as an aspiration. */
  signatureThreshold: number;
}

/** Founded by a facilitator of the region: active at once, no members yet. */
export type GroupFounded = DomainEvent<'GroupFounded', GroupCharter & { foundedAt: string }>;

/** Proposed by a citizen; a facilitator of the region approves it, and the proposer becomes its first coordinator. */
export type GroupProposed = DomainEvent<
  'GroupProposed',
  GroupCharter & { proposedBy: string; proposerName?: string; proposedAt: string }
>;

export type GroupApproved = DomainEvent<'GroupApproved', { approvedAt: string }>;

/** Joined an open group, or admitted to a closed one (`approved`: by a coordinator or facilitator). */
export type MemberJoined = DomainEvent<
  'MemberJoined',
  { memberId: string; displayName?: string; joinedAt: string; approved?: true }
>;

export type JoinRequested = DomainEvent<
  'JoinRequested',
  { memberId: string; displayName?: string; requestedAt: string }
>;

export type JoinRequestDeclined = DomainEvent<
  'JoinRequestDeclined',
  { memberId: string; declinedAt: string }
>;

export type MemberLeft = DomainEvent<'MemberLeft', { memberId: string; leftAt: string }>;

export type CoordinatorAppointed = DomainEvent<
  'CoordinatorAppointed',
  { memberId: string; appointedAt: string }
>;

export type CoordinatorRemoved = DomainEvent<'CoordinatorRemoved', { memberId: string; removedAt: string }>;

/** No more joins, drafts or reports; everything it did stays readable. A proposal dissolved was declined. */
export type GroupDissolved = DomainEvent<'GroupDissolved', { reason: string; dissolvedAt: string }>;

export type GroupEvent =
  | GroupFounded
  | GroupProposed
  | GroupApproved
  | MemberJoined
  | JoinRequested
  | JoinRequestDeclined
  | MemberLeft
  | CoordinatorAppointed
  | CoordinatorRemoved
  | GroupDissolved;

/** The events that name a member in `memberId`. */
export const MEMBER_EVENTS = [
  'MemberJoined',
  'JoinRequested',
  'JoinRequestDeclined',
  'MemberLeft',
  'CoordinatorAppointed',
  'CoordinatorRemoved',
] as const satisfies readonly GroupEvent['type'][];
