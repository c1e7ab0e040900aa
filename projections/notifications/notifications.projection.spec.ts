import { AspirationSubmitted } from '../../src/aspirations/domain/aspiration.events';
import {
  FOLLOWERS,
  FollowerDocument,
  NOTIFICATIONS,
  NotificationDocument,
  NOTIFIED_PEOPLE,
  ME_TOPIC,
  personKey,
  STAFF_ROLES,
} from '../../src/notifications/read-models/notification.document';
import { Actor } from '../../src/platform/domain/decider';
import { notificationsProjection } from './notifications.projection';
import { ProjectionHarness } from './testing/projection-harness';

const warga: Actor = { id: 'warga-1', role: 'citizen' };
const tetangga: Actor = { id: 'warga-2', role: 'citizen' };
const fasil: Actor = { id: 'fasil-katingan', role: 'facilitator', regionCode: '62.06' };
const fasilBali: Actor = { id: 'fasil-bali', role: 'facilitator', regionCode: '51' };
const pupr1: Actor = { id: 'pupr-1', role: 'official:dinas-pupr' };
const pupr2: Actor = { id: 'pupr-2', role: 'official:dinas-pupr' };
const pemkab: Actor = { id: 'pemkab-1', role: 'official:pemkab-katingan' };
const dishub: Actor = { id: 'dishub-1', role: 'official:dinas-perhubungan' };
const admin: Actor = { id: 'admin-1', role: 'admin' };
const system: Actor = { id: 'deadline-scheduler', role: 'system' };

const submission = (overrides: Partial<AspirationSubmitted['data']> = {}): AspirationSubmitted['data'] => ({
  aspirationId: 'asp-1',
  messageId: 'msg-1',
  title: 'Jalan rusak di Kasongan Baru',
  body: 'Jalan utama menuju pasar berlubang besar.',
  category: 'infrastruktur',
  regionCode: '62.06.02.1003',
  visibility: 'public',
  anonymous: false,
  submittedBy: warga.id,
  submittedAt: '2026-01-09T03:00:00.000Z',
  verificationDueAt: '2026-01-14T16:59:59.999Z',
  ...overrides,
});

function story(overrides: Partial<AspirationSubmitted['data']> = {}) {
  const h = new ProjectionHarness(notificationsProjection);
  const id = overrides.aspirationId ?? 'asp-1';
  const on = (type: string, actor: Actor, data: object = {}) =>
    h.event(type, actor, data, `aspiration-${id}`);
  const grant = (staff: Actor) =>
    h.event(
      'RoleGranted',
      admin,
      { accountId: staff.id, role: staff.role, ...(staff.regionCode && { regionCode: staff.regionCode }) },
      `account-${staff.id}`,
    );
  const follow = (actor: Actor, type = 'AspirationFollowed') =>
    h.event(
      type,
      actor,
      { aspirationId: id, followedAt: 'x', unfollowedAt: 'x' },
      `follow-${id}-${actor.id}`,
    );
  h.apply(...[fasil, fasilBali, pupr1, pupr2, pemkab, dishub].map(grant));
  h.apply(on('AspirationSubmitted', warga, submission(overrides)));
  const mine = (person: Actor) =>
    h
      .all<NotificationDocument>(NOTIFICATIONS)
      .filter((n) => n.personId === person.id && n.aspirationId === id);
  const kinds = (person: Actor) => mine(person).map((n) => [n.kind, n.change ?? n.stage ?? n.agencyId]);
  return { h, on, follow, mine, kinds };
}

const toVerified = (s: ReturnType<typeof story>) =>
  s.h.apply(s.on('AspirationVerified', fasil, { verifiedAt: 'x' }));
const toAssigned = (s: ReturnType<typeof story>) => {
  toVerified(s);
  s.h.apply(
    s.on('AspirationAssigned', fasil, { agencyId: 'dinas-pupr', assignedAt: 'x', followUpDueAt: 'y' }),
  );
};
const respond = (s: ReturnType<typeof story>, by = pupr1) =>
  s.h.apply(
    s.on('OfficialResponded', by, {
      messageId: 'msg-2',
      body: 'Kami tinjau.',
      agencyId: 'dinas-pupr',
      respondedAt: 'x',
    }),
  );

describe('notifications projection: who is told of what', () => {
  it('makes the submitter a follower of their own aspiration, and tells nobody of a submission', () => {
    const s = story();
    expect(s.h.all<FollowerDocument>(FOLLOWERS)).toEqual([
      expect.objectContaining({
        aspirationId: 'asp-1',
        personId: warga.id,
        following: true,
        reason: 'submitted',
      }),
    ]);
    expect(s.h.all(NOTIFICATIONS)).toEqual([]);
  });

  it('tells the submitter of the verification, never the facilitator who verified', () => {
    const s = story();
    toVerified(s);
    expect(s.kinds(warga)).toEqual([['status', 'verified']]);
    expect(s.kinds(fasil)).toEqual([]);
    expect(s.mine(warga)[0]).toMatchObject({ title: 'Jalan rusak di Kasongan Baru', read: false });
  });

  it('tells the submitter of a rejection even after they stopped following', () => {
    const s = story();
    s.h.apply(s.follow(warga, 'AspirationUnfollowed'));
    s.h.apply(s.on('AspirationRejected', fasil, { reason: 'Bukan wewenang daerah', rejectedAt: 'x' }));
    expect(s.kinds(warga)).toEqual([['status', 'rejected']]);
  });

  it("tells the agency's officials of an assignment, and followers of the status", () => {
    const s = story();
    toAssigned(s);
    expect(s.kinds(pupr1)).toEqual([['assignment', 'dinas-pupr']]);
    expect(s.kinds(pupr2)).toEqual([['assignment', 'dinas-pupr']]);
    expect(s.kinds(dishub)).toEqual([]);
    expect(s.kinds(warga)).toEqual([
      ['status', 'verified'],
      ['status', 'assigned'],
    ]);
  });

  it("tells followers of an official's response, and the official who answered then follows the thread", () => {
    const s = story();
    toAssigned(s);
    s.h.apply(s.follow(tetangga));
    respond(s);
    expect(s.kinds(warga).at(-1)).toEqual(['response', 'dinas-pupr']);
    expect(s.kinds(tetangga)).toEqual([['response', 'dinas-pupr']]);
    expect(s.kinds(pupr1)).toEqual([['assignment', 'dinas-pupr']]);
    s.h.apply(s.on('CitizenReplied', warga, { messageId: 'msg-3', body: 'Terima kasih', repliedAt: 'x' }));
    expect(s.kinds(pupr1).at(-1)).toEqual(['reply', null]);
    expect(s.kinds(tetangga).at(-1)).toEqual(['reply', null]);
    expect(s.kinds(warga).at(-1)).toEqual(['response', 'dinas-pupr']);
  });

  it('tells no one who stopped following', () => {
    const s = story();
    toAssigned(s);
    s.h.apply(
      s.follow(tetangga),
      s.follow(tetangga, 'AspirationUnfollowed'),
      s.follow(warga, 'AspirationUnfollowed'),
    );
    respond(s);
    expect(s.kinds(tetangga)).toEqual([]);
    expect(s.kinds(warga).map(([kind]) => kind)).not.toContain('response');
  });

  it('tells followers of each status change: resolved, closed, reopened', () => {
    const s = story();
    toAssigned(s);
    s.h.apply(
      s.on('AspirationResolved', pupr1, { summary: 'Sudah diaspal', resolvedAt: 'x', reopenUntil: 'y' }),
      s.on('AspirationReopened', warga, { reason: 'Belum selesai', reopenedAt: 'x', followUpDueAt: 'y' }),
      s.on('AspirationClosed', system, { reason: 'auto_no_reply', closedAt: 'x', reopenUntil: 'y' }),
    );
    expect(s.kinds(warga).slice(2)).toEqual([
      ['status', 'resolved'],
      ['status', 'closed'],
    ]);
    // The reopening was the submitter's own act; the agency hears it is theirs again.
    expect(s.kinds(pupr2)).toEqual([
      ['assignment', 'dinas-pupr'],
      ['assignment', 'dinas-pupr'],
    ]);
  });

  it("reminds the agency's officials of a response deadline (DeadlineReminderIssued)", () => {
    const s = story();
    toAssigned(s);
    s.h.apply(
      s.on('DeadlineReminderIssued', system, {
        stage: 'response',
        dueAt: '2026-01-20T16:59:59.999Z',
        remindedAt: 'x',
      }),
    );
    expect(s.mine(pupr1).at(-1)).toMatchObject({
      kind: 'deadline',
      stage: 'response',
      dueAt: '2026-01-20T16:59:59.999Z',
    });
    expect(s.kinds(pupr2).at(-1)).toEqual(['deadline', 'response']);
    expect(s.kinds(dishub)).toEqual([]);
    expect(s.kinds(warga).at(-1)).toEqual(['status', 'assigned']);
  });

  it('reminds the facilitators of the region of a verification deadline, not those elsewhere', () => {
    const s = story();
    s.h.apply(s.on('DeadlineReminderIssued', system, { stage: 'verification', dueAt: 'd', remindedAt: 'x' }));
    expect(s.kinds(fasil)).toEqual([['deadline', 'verification']]);
    expect(s.kinds(fasilBali)).toEqual([]);
  });

  it('escalates a missed verification to the facilitators of the region', () => {
    const s = story();
    s.h.apply(
      s.on('AspirationEscalated', system, { stage: 'verification', toAgencyId: null, escalatedAt: 'x' }),
    );
    expect(s.kinds(fasil)).toEqual([['escalation', 'verification']]);
    expect(s.kinds(fasilBali)).toEqual([]);
    expect(s.kinds(warga)).toEqual([]);
  });

  it('escalates a missed response to the agency and its parent agency', () => {
    const s = story();
    toAssigned(s);
    s.h.apply(
      s.on('AspirationEscalated', system, {
        stage: 'response',
        fromAgencyId: 'dinas-pupr',
        toAgencyId: 'pemkab-katingan',
        escalatedAt: 'x',
        followUpDueAt: 'y',
      }),
    );
    for (const person of [pupr1, pupr2, pemkab])
      expect(s.mine(person).at(-1)).toMatchObject({
        kind: 'escalation',
        stage: 'response',
        agencyId: 'pemkab-katingan',
      });
    expect(s.kinds(fasil)).toEqual([]);
  });

  it('alerts the facilitators when a missed response has no parent agency to go to', () => {
    const s = story();
    toAssigned(s);
    s.h.apply(
      s.on('AspirationEscalated', system, {
        stage: 'response',
        fromAgencyId: 'dinas-pupr',
        toAgencyId: null,
        escalatedAt: 'x',
      }),
    );
    expect(s.kinds(fasil)).toEqual([['escalation', 'response']]);
    expect(s.kinds(pupr1).at(-1)).toEqual(['escalation', 'response']);
  });

  it('tells the former agency of a confidential escalation, as it saw the thread before', () => {
    const s = story({ visibility: 'confidential' });
    toAssigned(s);
    s.h.apply(
      s.on('AspirationEscalated', system, {
        stage: 'response',
        fromAgencyId: 'dinas-pupr',
        toAgencyId: 'pemkab-katingan',
        escalatedAt: 'x',
        followUpDueAt: 'y',
      }),
    );
    expect(s.kinds(pupr1).at(-1)).toEqual(['escalation', 'response']);
    expect(s.kinds(pemkab)).toEqual([['escalation', 'response']]);
  });

  it('tells a follower who can no longer see a thread nothing of it', () => {
    const s = story({ visibility: 'confidential' });
    toAssigned(s);
    // pupr-2 followed while the thread was theirs; it moved to another agency, and it is confidential.
    s.h.apply(s.follow(pupr2));
    s.h.apply(
      s.on('AspirationForwarded', pupr1, {
        fromAgencyId: 'dinas-pupr',
        toAgencyId: 'dinas-perhubungan',
        reason: 'r',
        forwardedAt: 'x',
        followUpDueAt: 'y',
      }),
    );
    expect(s.kinds(dishub)).toEqual([['assignment', 'dinas-perhubungan']]);
    s.h.apply(
      s.on('OfficialResponded', dishub, {
        messageId: 'm',
        body: 'b',
        agencyId: 'dinas-perhubungan',
        respondedAt: 'x',
      }),
    );
    expect(s.kinds(pupr2).map(([kind]) => kind)).toEqual(['assignment']);
    expect(s.kinds(warga).at(-1)).toEqual(['response', 'dinas-perhubungan']);
  });

  it('follows a role change into what a follower may see', () => {
    const s = story({ visibility: 'confidential' });
    toAssigned(s);
    s.h.apply(s.follow(pupr2));
    s.h.apply(s.h.event('RoleRevoked', admin, { accountId: pupr2.id, role: pupr2.role }, 'account-pupr-2'));
    expect(s.h.get(STAFF_ROLES, 'x')).toBeUndefined();
    expect(s.h.all<FollowerDocument>(FOLLOWERS).find((f) => f.personId === pupr2.id)?.role).toBe('citizen');
    respond(s);
    expect(s.kinds(pupr2)).toEqual([['assignment', 'dinas-pupr']]);
  });

  it("shows a hidden submission's title to moderators only", () => {
    const s = story();
    toAssigned(s);
    s.h.apply(s.follow(tetangga), s.follow(fasil));
    s.h.apply(s.on('MessageHidden', fasilBali, { messageId: 'msg-1', reason: 'kata kasar', hiddenAt: 'x' }));
    respond(s);
    expect(s.mine(tetangga).at(-1)?.title).toBe('');
    expect(s.mine(fasil).at(-1)?.title).toBe('Jalan rusak di Kasongan Baru');
  });

  it('puts the notifications of one event on `me` in one entry, each person its own audience', () => {
    const s = story();
    toAssigned(s);
    const change = s.h.changes.at(-1)!;
    expect(change.topic).toBe(ME_TOPIC);
    expect(Object.keys(change.payloads).sort()).toEqual(
      [warga, pupr1, pupr2].map((p) => personKey(p.id)).sort(),
    );
    expect(change.payloads[personKey(warga.id)]).toMatchObject({
      person: personKey(warga.id),
      notification: { kind: 'status', change: 'assigned', read: false },
    });
  });
});

describe('notifications projection: anonymity', () => {
  it('tells an anonymous submitter, and nothing told to anyone else carries their id', () => {
    const s = story({ anonymous: true });
    toAssigned(s);
    s.h.apply(s.follow(tetangga), s.follow(fasil));
    respond(s);
    s.h.apply(s.on('CitizenReplied', warga, { messageId: 'msg-3', body: 'Terima kasih', repliedAt: 'x' }));
    s.h.apply(s.on('DeadlineReminderIssued', system, { stage: 'response', dueAt: 'd', remindedAt: 'x' }));
    expect(s.kinds(warga).map(([kind]) => kind)).toEqual(['status', 'status', 'response']);
    const toOthers = s.h.all<NotificationDocument>(NOTIFICATIONS).filter((n) => n.personId !== warga.id);
    expect(toOthers.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(toOthers)).not.toContain(warga.id);
    const toOthersLive = s.h.changes.flatMap((c) =>
      Object.entries(c.payloads).filter(([audience]) => audience !== personKey(warga.id)),
    );
    expect(toOthersLive.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(toOthersLive)).not.toContain(warga.id);
  });
});

describe('notifications projection: reading', () => {
  const read = (s: ReturnType<typeof story>, data: object, type = 'NotificationsRead') =>
    s.h.apply(s.h.event(type, warga, { personId: warga.id, readAt: 'x', ...data }, 'notification-inbox-w'));

  it('marks everything up to a position read and tells how many remain', () => {
    const s = story();
    toAssigned(s);
    respond(s);
    const [first, second] = s.mine(warga);
    read(s, { upTo: BigInt(second.position).toString() });
    expect(s.mine(warga).map((n) => n.read)).toEqual([true, true, false]);
    expect(s.h.changes.at(-1)?.payloads[personKey(warga.id)]).toEqual({
      person: expect.any(String),
      read: { upTo: BigInt(second.position).toString() },
      unread: 1,
    });
    expect(first.read).toBe(false);
  });

  it('marks one read, and never another person’s', () => {
    const s = story();
    toAssigned(s);
    const [, mine] = s.mine(warga);
    const [theirs] = s.mine(pupr1);
    read(s, { notificationId: mine._id }, 'NotificationRead');
    read(s, { notificationId: theirs._id }, 'NotificationRead');
    expect(s.mine(warga).map((n) => n.read)).toEqual([false, true]);
    expect(s.mine(pupr1)[0].read).toBe(false);
    expect(s.h.changes.at(-1)?.payloads[personKey(warga.id)]).toMatchObject({
      read: { notificationId: mine._id },
      unread: 1,
    });
  });
});

describe('notifications projection: preferences, browsers and erasure', () => {
  it('keeps a person’s preferences and browsers', () => {
    const s = story();
    const inbox = (type: string, data: object) =>
      s.h.event(type, warga, { personId: warga.id, ...data }, 'notification-inbox-w');
    const keys = { p256dh: 'p', auth: 'a' };
    s.h.apply(
      inbox('NotificationPreferencesSet', {
        channels: { response: ['push'] },
        quietHours: null,
        regionCode: '62.06',
      }),
      inbox('PushSubscriptionAdded', { subscriptionId: 's1', endpoint: 'https://push.example/1', keys }),
      inbox('PushSubscriptionAdded', { subscriptionId: 's2', endpoint: 'https://push.example/2', keys }),
      inbox('PushSubscriptionRemoved', { subscriptionId: 's1' }),
    );
    const [person] = s.h.all(NOTIFIED_PEOPLE);
    expect(person).toMatchObject({
      personId: warga.id,
      preferences: { channels: { response: ['push'] }, quietHours: null, regionCode: '62.06' },
      pushSubscriptions: [{ id: 's2', endpoint: 'https://push.example/2', keys }],
    });
  });

  it('forgets everything of an erased person, and who submitted their threads', () => {
    const s = story();
    toAssigned(s);
    s.h.apply(s.follow(tetangga));
    s.h.apply(
      s.h.event(
        'NotificationPreferencesSet',
        warga,
        { personId: warga.id, channels: {}, quietHours: null, regionCode: null },
        'n',
      ),
      s.h.event('AccountErased', warga, { accountId: warga.id, erasedAt: 'x' }, 'account-warga-1'),
    );
    expect(
      JSON.stringify([NOTIFICATIONS, FOLLOWERS, NOTIFIED_PEOPLE, 'notifiedThreads'].map((c) => s.h.all(c))),
    ).not.toContain(warga.id);
    expect(s.kinds(tetangga)).toEqual([]);
    respond(s);
    expect(s.kinds(tetangga)).toEqual([['response', 'dinas-pupr']]);
    expect(s.h.all<NotificationDocument>(NOTIFICATIONS).filter((n) => n.personId === warga.id)).toEqual([]);
  });

  it('ignores events whose person was erased before they were projected (sealed ids read as null)', () => {
    const s = story();
    const before = s.h.all(FOLLOWERS).length;
    s.h.apply(
      s.h.event(
        'AspirationFollowed',
        { id: null, role: 'citizen' },
        { aspirationId: 'asp-1', followedAt: 'x' },
        'f',
      ),
    );
    s.h.apply(s.h.event('NotificationsRead', warga, { personId: null, upTo: '1', readAt: 'x' }, 'n'));
    s.h.apply(s.h.event('RoleGranted', admin, { accountId: null, role: 'auditor' }, 'a'));
    expect(s.h.all(FOLLOWERS)).toHaveLength(before);
  });
});
