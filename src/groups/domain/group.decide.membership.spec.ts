import { Actor } from '../../platform/domain/decider';
import {
  appointed,
  AT,
  budi,
  closedFounded,
  command,
  dissolved,
  founded,
  given,
  joined,
  katinganFacilitator,
  keyOf,
  kobarFacilitator,
  official,
  proposed,
  rahmat,
  requested,
  siti,
} from './testing/group.fixtures';

const join = (actor: Actor = rahmat, displayName?: string) =>
  command('JoinGroup', displayName === undefined ? {} : { displayName }, actor);
const leave = (actor: Actor = rahmat) => command('LeaveGroup', {}, actor);
const approveJoin = (memberKey: string, actor: Actor = siti) =>
  command('ApproveJoinRequest', { memberKey }, actor);
const declineJoin = (memberKey: string, actor: Actor = siti) =>
  command('DeclineJoinRequest', { memberKey }, actor);

describe('JoinGroup', () => {
  it('joins an open group at once, with the name the citizen goes by', () =>
    given(founded)
      .when(join(rahmat, 'Rahmat'))
      .then({ type: 'MemberJoined', data: { memberId: rahmat.id, displayName: 'Rahmat', joinedAt: AT } }));

  it('asks to join a closed group', () =>
    given(closedFounded)
      .when(join(rahmat, 'Rahmat'))
      .then({
        type: 'JoinRequested',
        data: { memberId: rahmat.id, displayName: 'Rahmat', requestedAt: AT },
      }));

  it('joins without a name when the account has none (a development token)', () =>
    given(founded)
      .when(join())
      .then({ type: 'MemberJoined', data: { memberId: rahmat.id, joinedAt: AT } }));

  it('refuses a member, and one who already asked', () => {
    given(founded, joined(rahmat)).when(join()).thenFails('conflict', 'already_member');
    given(closedFounded, requested(rahmat)).when(join()).thenFails('conflict', 'join_already_requested');
  });

  it('joins again after leaving', () =>
    given(founded, joined(rahmat), { type: 'MemberLeft', data: { memberId: rahmat.id, leftAt: AT } })
      .when(join())
      .then({ type: 'MemberJoined', data: { memberId: rahmat.id, joinedAt: AT } }));

  it.each<Actor>([katinganFacilitator, official])('refuses $role: members are citizens', (actor) =>
    given(founded).when(join(actor)).thenFails('forbidden', 'citizen_only'),
  );

  it('refuses a dissolved group and a proposal its proposer sees', () => {
    given(founded, dissolved).when(join()).thenFails('conflict', 'group_not_active');
    given(proposed).when(join(siti)).thenFails('conflict', 'group_not_active');
  });

  it('answers others that a proposal does not exist', () =>
    given(proposed).when(join()).thenFails('not_found', 'group_not_found'));

  it('answers that a group that was never founded does not exist', () =>
    given().when(join()).thenFails('not_found', 'group_not_found'));

  it('ignores an erased member’s events: the person is no member any more', () => {
    const erasedJoin = { type: 'MemberJoined', data: { memberId: null, joinedAt: AT } };
    given(founded, erasedJoin as never)
      .when(join())
      .then({ type: 'MemberJoined', data: { memberId: rahmat.id, joinedAt: AT } });
  });
});

describe('LeaveGroup', () => {
  it('leaves', () =>
    given(founded, joined(rahmat))
      .when(leave())
      .then({ type: 'MemberLeft', data: { memberId: rahmat.id, leftAt: AT } }));

  it('withdraws a pending request', () =>
    given(closedFounded, requested(rahmat))
      .when(leave())
      .then({ type: 'JoinRequestDeclined', data: { memberId: rahmat.id, declinedAt: AT } }));

  it('refuses one who is no member', () =>
    given(founded, joined(siti)).when(leave()).thenFails('conflict', 'not_a_member'));

  it('refuses a dissolved group: its membership stays as it was', () =>
    given(founded, joined(rahmat), dissolved).when(leave()).thenFails('conflict', 'group_not_active'));

  it('refuses a facilitator', () =>
    given(founded).when(leave(katinganFacilitator)).thenFails('forbidden', 'citizen_only'));
});

describe('ApproveJoinRequest and DeclineJoinRequest', () => {
  const closedWithRequest = [
    closedFounded,
    joined(siti, 'Siti'),
    appointed(siti),
    requested(rahmat, 'Rahmat'),
  ];

  it('lets a coordinator admit the person, with the name they asked with', () =>
    given(...closedWithRequest)
      .when(approveJoin(keyOf(rahmat)))
      .then({
        type: 'MemberJoined',
        data: { memberId: rahmat.id, displayName: 'Rahmat', joinedAt: AT, approved: true },
      }));

  it('lets the region’s facilitator decline', () =>
    given(...closedWithRequest)
      .when(declineJoin(keyOf(rahmat), katinganFacilitator))
      .then({ type: 'JoinRequestDeclined', data: { memberId: rahmat.id, declinedAt: AT } }));

  it('refuses a member who is no coordinator, an outsider and a facilitator elsewhere', () => {
    const members = [...closedWithRequest, joined(budi)];
    for (const actor of [budi, rahmat, kobarFacilitator, official])
      given(...members)
        .when(approveJoin(keyOf(rahmat), actor))
        .thenFails('forbidden', 'coordinator_or_facilitator_only');
  });

  it('answers a key nobody asked with as not found, naming memberKey', () => {
    given(...closedWithRequest)
      .when(approveJoin(keyOf(budi)))
      .thenFails('not_found', 'join_request_not_found', 'memberKey');
    given(...closedWithRequest)
      .when(declineJoin('0'.repeat(32)))
      .thenFails('not_found', 'join_request_not_found', 'memberKey');
  });

  it('refuses requests of a dissolved group', () =>
    given(...closedWithRequest, dissolved)
      .when(approveJoin(keyOf(rahmat), katinganFacilitator))
      .thenFails('conflict', 'group_not_active'));
});
