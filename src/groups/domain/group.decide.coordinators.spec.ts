import { Actor } from '../../platform/domain/decider';
import {
  appointed,
  AT,
  budi,
  command,
  dissolved,
  founded,
  given,
  joined,
  katinganFacilitator,
  keyOf,
  kobarFacilitator,
  provincialFacilitator,
  rahmat,
  siti,
} from './testing/group.fixtures';

const appoint = (memberKey: string, actor: Actor = katinganFacilitator) =>
  command('AppointCoordinator', { memberKey }, actor);
const remove = (memberKey: string, actor: Actor = katinganFacilitator) =>
  command('RemoveCoordinator', { memberKey }, actor);
const members = [founded, joined(siti), joined(rahmat)];

describe('AppointCoordinator', () => {
  it('lets the region’s facilitator appoint a member', () =>
    given(...members)
      .when(appoint(keyOf(siti)))
      .then({ type: 'CoordinatorAppointed', data: { memberId: siti.id, appointedAt: AT } }));

  it('lets a coordinator appoint another member', () =>
    given(...members, appointed(siti))
      .when(appoint(keyOf(rahmat), siti))
      .then({ type: 'CoordinatorAppointed', data: { memberId: rahmat.id, appointedAt: AT } }));

  it('refuses a member who is no coordinator and a facilitator of another region', () => {
    given(...members)
      .when(appoint(keyOf(rahmat), siti))
      .thenFails('forbidden', 'coordinator_or_facilitator_only');
    given(...members)
      .when(appoint(keyOf(rahmat), kobarFacilitator))
      .thenFails('forbidden', 'coordinator_or_facilitator_only');
  });

  it('refuses one who is not a member, naming memberKey', () =>
    given(...members)
      .when(appoint(keyOf(budi), provincialFacilitator))
      .thenFails('not_found', 'member_not_found', 'memberKey'));

  it('refuses a coordinator already appointed', () =>
    given(...members, appointed(siti))
      .when(appoint(keyOf(siti)))
      .thenFails('conflict', 'already_coordinator'));

  it('refuses a dissolved group', () =>
    given(...members, dissolved)
      .when(appoint(keyOf(siti)))
      .thenFails('conflict', 'group_not_active'));

  it('forgets the office when the coordinator leaves and joins again', () =>
    given(
      ...members,
      appointed(siti),
      { type: 'MemberLeft', data: { memberId: siti.id, leftAt: AT } },
      joined(siti),
    )
      .when(appoint(keyOf(siti)))
      .then({ type: 'CoordinatorAppointed', data: { memberId: siti.id, appointedAt: AT } }));
});

describe('RemoveCoordinator', () => {
  it('lets a coordinator step down', () =>
    given(...members, appointed(siti))
      .when(remove(keyOf(siti), siti))
      .then({ type: 'CoordinatorRemoved', data: { memberId: siti.id, removedAt: AT } }));

  it('refuses a member who is no coordinator', () =>
    given(...members)
      .when(remove(keyOf(rahmat)))
      .thenFails('conflict', 'not_a_coordinator'));

  it('refuses a former coordinator', () =>
    given(...members, appointed(siti), appointed(rahmat), {
      type: 'CoordinatorRemoved',
      data: { memberId: siti.id, removedAt: AT },
    })
      .when(remove(keyOf(rahmat), siti))
      .thenFails('forbidden', 'coordinator_or_facilitator_only'));
});
