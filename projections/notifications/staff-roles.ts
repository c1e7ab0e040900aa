import {
  FOLLOWERS,
  FollowerDocument,
  personKey,
  STAFF_ROLES,
  StaffKind,
  StaffRoleDocument,
} from '../../src/notifications/read-models/notification.document';
import { agencyOfOfficial, Role } from '../../src/platform/domain/decider';
import {
  DocumentKey,
  DocumentQuery,
  DocumentSearch,
  ProjectedEvent,
  ProjectionOperation,
} from '../runner/projection';

export const ROLE_EVENTS = new Set(['RoleGranted', 'RoleRevoked', 'InvitationAccepted']);

/** The account a role event is about; null once the person was erased (the sealed id reads as null). */
const accountOf = (event: ProjectedEvent): string | null =>
  typeof event.data.accountId === 'string' ? event.data.accountId : null;

export const staffKey = (personId: string): DocumentKey => ({
  collection: STAFF_ROLES,
  id: personKey(personId),
});

export const roleTouches = (event: ProjectedEvent): DocumentKey[] => {
  const accountId = accountOf(event);
  return accountId === null ? [] : [staffKey(accountId)];
};

/** The person's follows, whose role decides what they may see of each thread. */
export const roleFinds = (event: ProjectedEvent): DocumentQuery[] => {
  const accountId = accountOf(event);
  return accountId === null ? [] : [{ collection: FOLLOWERS, filter: { personId: accountId } }];
};

const kindOf = (role: string): StaffKind | undefined => {
  if (role.startsWith('official:')) return 'official';
  return role === 'facilitator' || role === 'auditor' || role === 'admin' ? role : undefined;
};

/** The role the person holds after the event: one at a time, as tokens carry one; citizen after a revocation. */
function heldAfter(event: ProjectedEvent): { role: string; regionCode: string | null } {
  if (event.type === 'RoleRevoked') return { role: 'citizen', regionCode: null };
  const regionCode = typeof event.data.regionCode === 'string' ? event.data.regionCode : null;
  return { role: String(event.data.role), regionCode };
}

/** Who holds which staff role, and the role on every thread the person follows. */
export function projectRole(event: ProjectedEvent, search: DocumentSearch): ProjectionOperation[] {
  const personId = accountOf(event);
  if (personId === null) return [];
  const { role, regionCode } = heldAfter(event);
  const kind = kindOf(role);
  const { id } = staffKey(personId);
  const staff: ProjectionOperation =
    kind === undefined
      ? { collection: STAFF_ROLES, delete: id }
      : {
          collection: STAFF_ROLES,
          put: {
            _id: id,
            personId,
            role,
            kind,
            agencyId: agencyOfOfficial(role as Role) ?? null,
            regionCode: kind === 'facilitator' ? regionCode : null,
          } satisfies StaffRoleDocument,
        };
  const follows = search({ collection: FOLLOWERS, filter: { personId } }) as FollowerDocument[];
  const region = kind === 'facilitator' ? regionCode : null;
  return [
    staff,
    ...follows.map((follow) => ({ collection: FOLLOWERS, put: { ...follow, role, regionCode: region } })),
  ];
}
