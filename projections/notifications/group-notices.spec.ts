import {
  FOLLOWERS,
  GROUP_MEMBERS,
  NOTIFICATIONS,
  NotificationDocument,
} from '../../src/notifications/read-models/notification.document';
import { Actor } from '../../src/platform/domain/decider';
import { notificationsProjection } from './notifications.projection';
import { ProjectionHarness } from './testing/projection-harness';

const GROUP = 'c0ffee00-0000-4000-8000-000000000001';
const siti: Actor = { id: 'warga-siti', role: 'citizen' };
const rahmat: Actor = { id: 'warga-rahmat', role: 'citizen' };
const budi: Actor = { id: 'warga-budi', role: 'citizen' };
const fasil: Actor = { id: 'fasil-katingan', role: 'facilitator', regionCode: '62.06' };
const fasilBali: Actor = { id: 'fasil-bali', role: 'facilitator', regionCode: '51' };
const pupr: Actor = { id: 'pupr-1', role: 'official:dinas-pupr' };
const admin: Actor = { id: 'admin-1', role: 'admin' };
const at = '2026-02-02T03:00:00.000Z';

function world(joinPolicy: 'open' | 'closed' = 'open') {
  const h = new ProjectionHarness(notificationsProjection);
  const inGroup = (type: string, actor: Actor, data: object = {}) =>
    h.event(type, actor, data, `group-${GROUP}`);
  const grant = (staff: Actor) =>
    h.event(
      'RoleGranted',
      admin,
      { accountId: staff.id, role: staff.role, regionCode: staff.regionCode },
      'account-x',
    );
  h.apply(
    grant(fasil),
    grant(fasilBali),
    inGroup('GroupFounded', fasil, {
      groupId: GROUP,
      name: 'KIM Kasongan Baru',
      description: '',
      regionCode: '62.06.02.1003',
      joinPolicy,
      signatureThreshold: 2,
      foundedAt: at,
    }),
  );
  const joined = (actor: Actor) => inGroup('MemberJoined', actor, { memberId: actor.id, joinedAt: at });
  const notified = (actor: Actor) =>
    h.all<NotificationDocument>(NOTIFICATIONS).filter((n) => n.personId === actor.id);
  return { h, inGroup, joined, notified };
}

describe('notifications of groups', () => {
  it('tells the region’s facilitators of a join request while the group has no coordinator', () => {
    const { h, inGroup, notified } = world('closed');
    h.apply(inGroup('JoinRequested', rahmat, { memberId: rahmat.id, requestedAt: at }));
    expect(notified(fasil)).toEqual([
      expect.objectContaining({
        kind: 'join_request',
        groupId: GROUP,
        aspirationId: null,
        title: 'KIM Kasongan Baru',
      }),
    ]);
    expect(notified(fasilBali)).toEqual([]);
  });

  it('tells its coordinators, and only them, once it has some', () => {
    const { h, inGroup, joined, notified } = world('closed');
    h.apply(
      joined(siti),
      inGroup('CoordinatorAppointed', fasil, { memberId: siti.id, appointedAt: at }),
      joined(budi),
      inGroup('JoinRequested', rahmat, { memberId: rahmat.id, requestedAt: at }),
    );
    expect(notified(siti).map((n) => n.kind)).toEqual(['join_request']);
    expect([...notified(budi), ...notified(fasil)]).toEqual([]);
  });

  it('tells every member but the drafter that a draft waits for their signature', () => {
    const { h, joined, notified } = world();
    h.apply(
      joined(siti),
      joined(rahmat),
      joined(budi),
      h.event('MemberLeft', budi, { memberId: budi.id, leftAt: at }, `group-${GROUP}`),
      h.event(
        'GroupDraftStarted',
        siti,
        { draftId: 'draft-1', groupId: GROUP, title: 'Lampu jalan padam', draftedBy: siti.id },
        'group-draft-draft-1',
      ),
    );
    expect(notified(rahmat)).toEqual([
      expect.objectContaining({
        kind: 'group_draft',
        groupId: GROUP,
        draftId: 'draft-1',
        title: 'Lampu jalan padam',
      }),
    ]);
    expect([...notified(siti), ...notified(budi)]).toEqual([]);
  });

  it('makes members follow the group’s aspiration, and tells them of its answers as the group’s', () => {
    const { h, joined, notified } = world();
    const thread = (type: string, actor: Actor, data: object) =>
      h.event(type, actor, data, 'aspiration-asp-1');
    h.apply(
      joined(siti),
      joined(rahmat),
      thread('AspirationSubmitted', siti, {
        aspirationId: 'asp-1',
        messageId: 'msg-1',
        title: 'Lampu jalan padam',
        body: 'Sudah sebulan.',
        category: 'infrastruktur',
        regionCode: '62.06.02.1003',
        visibility: 'public',
        anonymous: false,
        submittedBy: siti.id,
        groupId: GROUP,
        groupSignatures: 2,
        submittedAt: at,
        verificationDueAt: at,
      }),
      thread('AspirationVerified', fasil, { verifiedAt: at }),
      thread('AspirationAssigned', fasil, { agencyId: 'dinas-pupr', assignedAt: at, followUpDueAt: at }),
      thread('OfficialResponded', pupr, {
        messageId: 'msg-2',
        body: 'Kami perbaiki.',
        agencyId: 'dinas-pupr',
        respondedAt: at,
        autoCloseDueAt: at,
      }),
    );
    expect(h.all(FOLLOWERS).map((f) => [f.personId, f.reason])).toEqual(
      expect.arrayContaining([
        [siti.id, 'submitted'],
        [rahmat.id, 'group'],
      ]),
    );
    expect(notified(rahmat).map((n) => [n.kind, n.aspirationId, n.groupId])).toContainEqual([
      'group_response',
      'asp-1',
      GROUP,
    ]);
    expect(notified(siti).map((n) => n.kind)).toContain('response');
  });

  it('forgets an erased person’s memberships', () => {
    const { h, joined } = world();
    h.apply(
      joined(rahmat),
      h.event(
        'AccountErased',
        { id: null, role: 'citizen' },
        { accountId: rahmat.id, erasedAt: at },
        'account-y',
      ),
    );
    expect(h.all(GROUP_MEMBERS)).toEqual([]);
  });
});
