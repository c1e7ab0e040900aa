import { DEFAULT_PREFERENCES, NotificationPreferences } from '../domain/preferences';
import { NotificationDocument } from '../read-models/notification.document';
import { messageIdOf, PlanContext, planDeliveries } from './delivery-plan';

const response: NotificationDocument = {
  _id: '0b8a2d3e-5a43-8f2b-9a55-3c8b1f3f7d10',
  personId: 'warga-1',
  kind: 'response',
  aspirationId: 'a5d37a90-b5bc-42cb-a44f-0064ba83720d',
  title: 'Jalan rusak di Kasongan Baru',
  change: null,
  stage: null,
  dueAt: null,
  agencyId: 'dinas-pupr',
  at: '2026-03-10T03:00:00.000Z',
  read: false,
  position: '0'.repeat(39) + '9',
};

const context = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  now: new Date('2026-03-10T03:00:00.000Z'),
  preferences: DEFAULT_PREFERENCES,
  recent: () => 0,
  digestThreshold: 3,
  digestWindowMs: 15 * 60_000,
  ...overrides,
});

const choosing = (preferences: Partial<NotificationPreferences>) =>
  context({ preferences: { ...DEFAULT_PREFERENCES, ...preferences } });

describe('planDeliveries', () => {
  it('makes one message per channel the person chose for the kind, each with its stable id', () => {
    const planned = planDeliveries(response, context());
    expect(planned.map((r) => [r.channel, r._id])).toEqual([
      ['email', messageIdOf(response._id, 'email')],
      ['sms', messageIdOf(response._id, 'sms')],
    ]);
    expect(planned[0]).toMatchObject({
      status: 'pending',
      dueAt: '2026-03-10T03:00:00.000Z',
      attempts: 0,
      subject: 'Tanggapan baru dari instansi',
      link: `/aspirasi/${response.aspirationId}`,
      version: 1,
    });
    expect(planned[0].text).toContain('“Jalan rusak di Kasongan Baru”');
  });

  it('gives a kind born after the person chose its defaults, and links a join request to its group', () => {
    const joinRequest: NotificationDocument = {
      ...response,
      kind: 'join_request',
      aspirationId: null,
      groupId: 'c0ffee00-0000-4000-8000-000000000001',
      title: 'KIM Kasongan Baru',
    };
    const { join_request: _unknownThen, ...before } = DEFAULT_PREFERENCES.channels;
    const chosenEarlier = choosing({ channels: before as typeof DEFAULT_PREFERENCES.channels });
    const [planned] = planDeliveries(joinRequest, chosenEarlier);
    expect(planned).toMatchObject({
      channel: 'email',
      subject: 'Permintaan bergabung ke kelompok Anda',
      link: `/kelompok/${joinRequest.groupId}`,
    });
  });

  it('makes none for a kind the person keeps in the app', () =>
    expect(planDeliveries({ ...response, kind: 'reply' }, context())).toEqual([]));

  it('holds a message sent in quiet hours until they end, in the zone of the person’s region', () => {
    const quietHours = { start: '22:00', end: '06:00' };
    const at = new Date('2026-03-10T14:30:00.000Z'); // 21:30 WIB, 23:30 WIT
    const wib = planDeliveries(response, { ...choosing({ quietHours }), now: at });
    const wit = planDeliveries(response, { ...choosing({ quietHours, regionCode: '94' }), now: at });
    expect(wib[0].dueAt).toBe(at.toISOString());
    expect(wit[0].dueAt).toBe('2026-03-10T21:00:00.000Z');
  });

  it('holds what would pass the digest threshold until the window ends, channel by channel', () => {
    const planned = planDeliveries(response, context({ recent: (channel) => (channel === 'email' ? 3 : 2) }));
    expect(planned.map((r) => [r.channel, r.dueAt])).toEqual([
      ['email', '2026-03-10T03:15:00.000Z'],
      ['sms', '2026-03-10T03:00:00.000Z'],
    ]);
  });

  it('names no person in what it sends, and says when a title was hidden', () => {
    const [hidden] = planDeliveries({ ...response, title: '' }, context());
    expect(hidden.text).toContain('(judul disembunyikan moderator)');
    expect(JSON.stringify(planDeliveries(response, context()).map((r) => [r.subject, r.text]))).not.toContain(
      'warga-1',
    );
  });
});
