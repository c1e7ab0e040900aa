import {
  ANNOUNCEMENT_ACKS,
  AnnouncementDocument,
  ANNOUNCEMENTS,
} from '../../src/announcements/read-models/announcement.document';
import { Actor } from '../../src/platform/domain/decider';
import { ProjectionHarness } from '../notifications/testing/projection-harness';
import { announcementsProjection } from './announcements.projection';

const ID = 'a0000000-0000-4000-8000-000000000001';
const GROUP = 'c0ffee00-0000-4000-8000-000000000001';
const official: Actor = { id: 'pupr-1', role: 'official:dinas-pupr' };
const siti: Actor = { id: 'citizen-siti', role: 'citizen' };
const rahmat: Actor = { id: 'citizen-rahmat', role: 'citizen' };
const at = '2026-02-02T03:00:00.000Z';
const text = { title: 'Jadwal perbaikan jalan', body: 'Perbaikan dimulai Senin depan.', link: null };

function world(target: object = { kind: 'region', regionCode: '62.06' }) {
  const h = new ProjectionHarness(announcementsProjection);
  const own = (type: string, actor: Actor | { id: null; role: string }, data: object) =>
    h.event(type, actor, data, `announcement-${ID}`);
  const ack = (actor: Actor | { id: null; role: string }) =>
    h.event(
      'AnnouncementAcknowledged',
      actor,
      { announcementId: ID, acknowledgedAt: at },
      `announcement-ack-${ID}-x`,
    );
  h.apply(
    own('AnnouncementPublished', official, {
      announcementId: ID,
      ...text,
      target,
      publisher: { agencyId: 'dinas-pupr' },
      publishedAt: at,
    }),
  );
  const doc = () => h.get<AnnouncementDocument>(ANNOUNCEMENTS, ID)!;
  return { h, own, ack, doc };
}

describe('announcements projection', () => {
  it('pushes a region announcement on the topics of its region and every region above it', () => {
    const { h } = world();
    expect(h.changes.map((c) => c.topic)).toEqual(['region:62', 'region:62.06']);
    expect(h.changes[0].payloads).toMatchObject({
      public: { announcement: { id: ID, acknowledgements: 0 } },
    });
  });

  it('pushes a group announcement on each group’s topic, and keeps each group region’s parents', () => {
    const { h, doc } = world({ kind: 'groups', groups: [{ groupId: GROUP, regionCode: '62.06.02.1003' }] });
    expect(h.changes.map((c) => c.topic)).toEqual([`group:${GROUP}`]);
    expect(doc().groupRegions).toEqual(['62', '62.06', '62.06.02', '62.06.02.1003']);
  });

  it('keeps every version, and the withdrawal with its reason', () => {
    const { h, own, doc } = world();
    h.apply(
      own('AnnouncementCorrected', official, { version: 2, ...text, title: 'Ralat', correctedAt: at }),
      own('AnnouncementWithdrawn', official, { reason: 'Dibatalkan', withdrawnAt: at }),
    );
    expect(doc().versions.map((v) => v.title)).toEqual([text.title, 'Ralat']);
    expect(doc()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Dibatalkan' });
  });

  it('counts an acknowledgement once per person, and one whose key is gone without naming them', () => {
    const { h, ack, doc } = world();
    h.apply(ack(siti), ack(siti), ack(rahmat), ack({ id: null, role: 'citizen' }));
    expect(doc().acknowledgements).toBe(3);
    expect(h.all(ANNOUNCEMENT_ACKS)).toHaveLength(2);
  });

  it('answers a question, and forgets an erased asker and their acknowledgement but keeps both', () => {
    const { h, own, ack, doc } = world();
    h.apply(
      own('AnnouncementQuestionAsked', siti, {
        questionId: 'q-1',
        text: 'Jalan mana?',
        askedBy: siti.id,
        askerName: 'Siti',
        askedAt: at,
      }),
      own('AnnouncementQuestionAnswered', official, {
        questionId: 'q-1',
        text: 'Jalan poros.',
        answeredAt: at,
      }),
      ack(siti),
      h.event('AccountErased', siti, { accountId: siti.id }, `account-${siti.id}`),
    );
    expect(doc().questions).toEqual([
      expect.objectContaining({
        askedBy: null,
        askerName: null,
        answer: { text: 'Jalan poros.', answeredAt: at },
      }),
    ]);
    expect(doc().acknowledgements).toBe(1);
    expect(h.all(ANNOUNCEMENT_ACKS)).toEqual([]);
  });
});
