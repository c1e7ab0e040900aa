import { personKey } from '../../src/notifications/read-models/notification.document';
import { memberKeyOf } from '../../src/groups/domain/group.streams';
import {
  DraftDocument,
  GROUP_DRAFTS,
  GROUP_MEMBERSHIPS,
  GroupDocument,
  GROUPS,
  membershipId,
  MembershipDocument,
} from '../../src/groups/read-models/group.document';
import { Actor } from '../../src/platform/domain/decider';
import { ProjectionHarness } from '../notifications/testing/projection-harness';
import { groupsProjection } from './groups.projection';

const GROUP = 'c0ffee00-0000-4000-8000-000000000001';
const DRAFT = 'd4af7000-0000-4000-8000-000000000001';
const siti: Actor = { id: 'citizen-siti', role: 'citizen' };
const rahmat: Actor = { id: 'citizen-rahmat', role: 'citizen' };
const fasil: Actor = { id: 'fasil-katingan', role: 'facilitator', regionCode: '62.06' };
const charter = {
  groupId: GROUP,
  name: 'KIM Kasongan Baru',
  description: '',
  regionCode: '62.06.02.1003',
  joinPolicy: 'closed',
  signatureThreshold: 2,
};
const at = '2026-02-02T03:00:00.000Z';

const membership = (h: ProjectionHarness, actor: Actor) =>
  h.get<MembershipDocument>(GROUP_MEMBERSHIPS, membershipId(GROUP, memberKeyOf(GROUP, actor.id)));

function world() {
  const h = new ProjectionHarness(groupsProjection);
  const stream = `group-${GROUP}`;
  const on = (type: string, actor: Actor | { id: null; role: string }, data: object) =>
    h.event(type, actor, data, stream);
  return { h, on };
}

describe('groups projection: groups and memberships', () => {
  it('opens a proposal seen by its proposer, and activates it on approval', () => {
    const { h, on } = world();
    h.apply(
      on('GroupProposed', siti, { ...charter, proposedBy: siti.id, proposerName: 'Siti', proposedAt: at }),
    );
    expect(h.get<GroupDocument>(GROUPS, GROUP)).toMatchObject({
      status: 'proposed',
      proposedBy: siti.id,
      regions: ['62', '62.06', '62.06.02', '62.06.02.1003'],
    });
    h.apply(
      on('GroupApproved', fasil, { approvedAt: at }),
      on('MemberJoined', fasil, { memberId: siti.id, displayName: 'Siti', joinedAt: at }),
      on('CoordinatorAppointed', fasil, { memberId: siti.id, appointedAt: at }),
    );
    expect(h.get<GroupDocument>(GROUPS, GROUP)).toMatchObject({
      status: 'active',
      proposedBy: null,
      approvedAt: at,
    });
    expect(membership(h, siti)).toMatchObject({
      personId: siti.id,
      memberKey: memberKeyOf(GROUP, siti.id),
      displayName: 'Siti',
      status: 'member',
      coordinator: true,
      groupName: 'KIM Kasongan Baru',
    });
  });

  it('follows a request to membership, keeping the name asked with, and leaving drops the office', () => {
    const { h, on } = world();
    h.apply(
      on('GroupFounded', fasil, { ...charter, foundedAt: at }),
      on('JoinRequested', rahmat, { memberId: rahmat.id, displayName: 'Rahmat', requestedAt: at }),
    );
    expect(membership(h, rahmat)).toMatchObject({ status: 'requested', displayName: 'Rahmat' });
    h.apply(
      on('MemberJoined', fasil, { memberId: rahmat.id, displayName: 'Rahmat', joinedAt: at, approved: true }),
      on('CoordinatorAppointed', fasil, { memberId: rahmat.id, appointedAt: at }),
      on('MemberLeft', rahmat, { memberId: rahmat.id, leftAt: at }),
    );
    expect(membership(h, rahmat)).toMatchObject({
      status: 'left',
      coordinator: false,
      displayName: 'Rahmat',
    });
  });

  it('pushes each change on the group topic to members and facilitators, and names who lost access', () => {
    const { h, on } = world();
    h.apply(
      on('GroupFounded', fasil, { ...charter, foundedAt: at }),
      on('MemberJoined', rahmat, { memberId: rahmat.id, joinedAt: at }),
      on('MemberLeft', rahmat, { memberId: rahmat.id, leftAt: at }),
    );
    expect(h.changes.map((c) => c.topic)).toEqual([`group:${GROUP}`, `group:${GROUP}`, `group:${GROUP}`]);
    const [founded, , left] = h.changes;
    expect(Object.keys(founded.payloads).sort()).toEqual(['facilitator', 'member']);
    expect(left.payloads.revoked).toEqual({ people: [personKey(rahmat.id)] });
    expect(JSON.stringify(h.changes.map((c) => c.payloads))).not.toContain(rahmat.id);
  });

  it('ignores member events of an erased person: their id reads as null', () => {
    const { h, on } = world();
    h.apply(
      on('GroupFounded', fasil, { ...charter, foundedAt: at }),
      on('MemberJoined', { id: null, role: 'citizen' }, { memberId: null, joinedAt: at }),
    );
    expect(h.all(GROUP_MEMBERSHIPS)).toEqual([]);
  });

  it('dissolves keeping members and history', () => {
    const { h, on } = world();
    h.apply(
      on('GroupFounded', fasil, { ...charter, foundedAt: at }),
      on('MemberJoined', rahmat, { memberId: rahmat.id, joinedAt: at }),
      on('GroupDissolved', fasil, { reason: 'Tidak aktif', dissolvedAt: at }),
    );
    expect(h.get<GroupDocument>(GROUPS, GROUP)).toMatchObject({
      status: 'dissolved',
      dissolvedReason: 'Tidak aktif',
    });
    expect(membership(h, rahmat)?.status).toBe('member');
  });
});

describe('groups projection: drafts and signatures', () => {
  const started = {
    draftId: DRAFT,
    groupId: GROUP,
    groupName: 'KIM Kasongan Baru',
    title: 'Lampu jalan padam',
    body: 'Lampu jalan desa padam sejak sebulan lalu.',
    category: 'infrastruktur',
    regionCode: '62.06.02.1003',
    anonymous: false,
    draftedBy: siti.id,
    signatureThreshold: 2,
    startedAt: at,
  };

  it('counts the drafter and each co-signer, remembers who signed by digest, then the submission’s count', () => {
    const { h } = world();
    const signature = (actor: Actor) =>
      h.event(
        'GroupDraftSigned',
        actor,
        { draftId: DRAFT, groupId: GROUP, signedAt: at },
        `group-signature-${DRAFT}-x`,
      );
    h.apply(h.event('GroupDraftStarted', siti, started, `group-draft-${DRAFT}`), signature(rahmat));
    expect(h.get<DraftDocument>(GROUP_DRAFTS, DRAFT)).toMatchObject({
      signatures: 2,
      signerKeys: [personKey(rahmat.id)],
      status: 'collecting',
    });
    h.apply(
      h.event(
        'GroupDraftSubmitted',
        rahmat,
        { aspirationId: 'asp-1', signatures: 2, submittedAt: at },
        `group-draft-${DRAFT}`,
      ),
      signature({ id: 'late', role: 'citizen' }),
    );
    expect(h.get<DraftDocument>(GROUP_DRAFTS, DRAFT)).toMatchObject({
      signatures: 2,
      status: 'submitted',
      aspirationId: 'asp-1',
    });
    expect(h.changes.at(-1)?.payloads.member).toMatchObject({ draft: { id: DRAFT, status: 'submitted' } });
    expect(JSON.stringify(h.changes.map((c) => c.payloads))).not.toContain(started.body);
  });
});

describe('groups projection: erasure', () => {
  it('takes the person out of every membership, proposal and draft', () => {
    const { h, on } = world();
    const other = `group-${'c0ffee00-0000-4000-8000-000000000002'}`;
    h.apply(
      on('GroupFounded', fasil, { ...charter, foundedAt: at }),
      on('MemberJoined', rahmat, { memberId: rahmat.id, joinedAt: at }),
      h.event(
        'GroupProposed',
        rahmat,
        { ...charter, groupId: other.slice(6), proposedBy: rahmat.id, proposedAt: at },
        other,
      ),
      h.event(
        'GroupDraftStarted',
        rahmat,
        {
          draftId: DRAFT,
          groupId: GROUP,
          draftedBy: rahmat.id,
          signatureThreshold: 3,
          startedAt: at,
          title: 't',
          body: 'b',
          category: 'c',
          regionCode: '62.06.02.1003',
          anonymous: false,
          groupName: 'n',
        },
        `group-draft-${DRAFT}`,
      ),
      h.event(
        'AccountErased',
        { id: null, role: 'citizen' },
        { accountId: rahmat.id, erasedAt: at },
        'account-x',
      ),
    );
    expect(h.all(GROUP_MEMBERSHIPS)).toEqual([]);
    expect(JSON.stringify([h.all(GROUPS), h.all(GROUP_DRAFTS)])).not.toContain(rahmat.id);
    expect(h.get<DraftDocument>(GROUP_DRAFTS, DRAFT)).toMatchObject({ draftedBy: null, signatures: 1 });
  });
});
