import { Actor } from '../../platform/domain/decider';
import {
  admin,
  AT,
  auditor,
  charter,
  command,
  dissolved,
  founded,
  given,
  KATINGAN,
  KATINGAN_HILIR,
  katinganFacilitator,
  kobarFacilitator,
  official,
  proposed,
  provincialFacilitator,
  rahmat,
  siti,
} from './testing/group.fixtures';

const found = (data: object = {}, actor: Actor = katinganFacilitator) =>
  command('FoundGroup', { ...charter, ...data }, actor);

describe('FoundGroup', () => {
  it('lets a facilitator of the region found an active group', () =>
    given()
      .when(found())
      .then({ type: 'GroupFounded', data: { ...charter, foundedAt: AT } }));

  it('lets a platform-wide facilitator found one anywhere, in a district too', () =>
    given()
      .when(found({ regionCode: KATINGAN_HILIR }, provincialFacilitator))
      .then({ type: 'GroupFounded', data: { ...charter, regionCode: KATINGAN_HILIR, foundedAt: AT } }));

  it('records a citizen’s proposal with the proposer and the name they go by', () =>
    given()
      .when(command('FoundGroup', { ...charter, displayName: 'Siti Rahma' }, siti))
      .then({
        type: 'GroupProposed',
        data: { ...charter, proposedBy: siti.id, proposerName: 'Siti Rahma', proposedAt: AT },
      }));

  it('trims the name, defaults the description and the threshold', () =>
    given()
      .when(found({ name: '  KIM Kasongan Baru ', description: undefined, signatureThreshold: undefined }))
      .then({ type: 'GroupFounded', data: { ...charter, description: '', foundedAt: AT } }));

  it('refuses a facilitator of another region', () =>
    given().when(found({}, kobarFacilitator)).thenFails('forbidden', 'outside_facilitator_region'));

  it.each<Actor>([official, auditor, admin])('refuses $role', (actor) =>
    given().when(found({}, actor)).thenFails('forbidden', 'found_not_allowed'),
  );

  it('refuses a second founding of the same id', () =>
    given(founded).when(found()).thenFails('conflict', 'group_already_exists'));

  it.each([
    ['a short name', { name: 'KI' }, 'invalid_name', 'name'],
    ['a name that is no text', { name: 42 }, 'invalid_name', 'name'],
    ['a long description', { description: 'x'.repeat(1001) }, 'invalid_description', 'description'],
    ['an unknown region', { regionCode: '99.99' }, 'unknown_region', 'regionCode'],
    ['a regency', { regionCode: KATINGAN }, 'group_region_level', 'regionCode'],
    ['another join policy', { joinPolicy: 'secret' }, 'invalid_join_policy', 'joinPolicy'],
    ['a threshold of 0', { signatureThreshold: 0 }, 'invalid_signature_threshold', 'signatureThreshold'],
    [
      'a fractional threshold',
      { signatureThreshold: 2.5 },
      'invalid_signature_threshold',
      'signatureThreshold',
    ],
    ['a threshold of 101', { signatureThreshold: 101 }, 'invalid_signature_threshold', 'signatureThreshold'],
  ])('refuses %s with %s', (_, data, code, field) =>
    given().when(found(data)).thenFails('invalid', code, field),
  );
});

describe('ApproveGroup', () => {
  const approve = (actor: Actor = katinganFacilitator) => command('ApproveGroup', {}, actor);

  it('activates the proposal and makes the proposer its first member and coordinator', () =>
    given(proposed)
      .when(approve())
      .then(
        { type: 'GroupApproved', data: { approvedAt: AT } },
        { type: 'MemberJoined', data: { memberId: siti.id, displayName: 'Siti Rahma', joinedAt: AT } },
        { type: 'CoordinatorAppointed', data: { memberId: siti.id, appointedAt: AT } },
      ));

  it('approves alone when the proposer was erased meanwhile', () => {
    const erased = { ...proposed, data: { ...proposed.data, proposedBy: null, proposerName: null } };
    given(erased as never)
      .when(approve())
      .then({ type: 'GroupApproved', data: { approvedAt: AT } });
  });

  it('answers anyone but the proposer and the region’s facilitators that a proposal does not exist', () => {
    for (const actor of [rahmat, kobarFacilitator, official])
      given(proposed).when(approve(actor)).thenFails('not_found', 'group_not_found');
  });

  it('refuses the proposer themselves', () =>
    given(proposed).when(approve(siti)).thenFails('forbidden', 'facilitator_only'));

  it('refuses an active group', () =>
    given(founded).when(approve()).thenFails('conflict', 'invalid_transition'));

  it('refuses a facilitator of another region on an active group', () =>
    given(founded).when(approve(kobarFacilitator)).thenFails('forbidden', 'outside_facilitator_region'));
});

describe('DissolveGroup', () => {
  const dissolve = (actor: Actor = katinganFacilitator, reason: unknown = ' Tidak aktif lagi ') =>
    command('DissolveGroup', { reason } as { reason: string }, actor);

  it('dissolves an active group with the reason', () =>
    given(founded)
      .when(dissolve())
      .then({ type: 'GroupDissolved', data: { reason: 'Tidak aktif lagi', dissolvedAt: AT } }));

  it('declines a proposal by dissolving it', () =>
    given(proposed)
      .when(dissolve())
      .then({ type: 'GroupDissolved', data: { reason: 'Tidak aktif lagi', dissolvedAt: AT } }));

  it('refuses a dissolved group', () =>
    given(founded, dissolved).when(dissolve()).thenFails('conflict', 'invalid_transition'));

  it('refuses citizens, and facilitators of another region', () => {
    given(founded).when(dissolve(siti)).thenFails('forbidden', 'facilitator_only');
    given(founded).when(dissolve(kobarFacilitator)).thenFails('forbidden', 'outside_facilitator_region');
  });

  it('asks for a reason', () =>
    given(founded).when(dissolve(katinganFacilitator, ' ')).thenFails('invalid', 'invalid_reason', 'reason'));
});
