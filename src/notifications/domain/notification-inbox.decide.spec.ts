import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { CommandMetadata } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { NotificationInboxCommand } from './notification-inbox.commands';
import { MAX_PUSH_SUBSCRIPTIONS } from './notification-inbox.decide';
import { notificationInboxDecider } from './notification-inbox.decider';
import { NotificationInboxEvent } from './notification-inbox.events';
import { notificationInboxPersonalData } from './notification-inbox.personal-data';
import { notificationInboxStream } from './notification-inbox.streams';
import { DEFAULT_PREFERENCES, NotificationPreferences } from './preferences';

const NOW = new Date('2025-03-10T02:00:00.000Z');
const AT = NOW.toISOString();
const PERSON = 'acc-citizen-1';
const asPerson: CommandMetadata = { actor: { id: PERSON, role: 'citizen' }, now: NOW };
const given = givenEvents(notificationInboxDecider);
const NOTIFICATION = '0b8a2d3e-5a43-8f2b-9a55-3c8b1f3f7d10';

const command = <T extends NotificationInboxCommand['type']>(
  type: T,
  data: Extract<NotificationInboxCommand, { type: T }>['data'],
  metadata = asPerson,
) => ({ type, data, metadata }) as NotificationInboxCommand;

/** What a browser's PushManager hands out: an uncompressed P-256 public key and a 16-byte auth secret. */
function browserKeys() {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'jwk' });
  const point = [Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')];
  return { p256dh: Buffer.concat(point).toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/abc';
const added = (subscriptionId: string, keys = browserKeys()): NotificationInboxEvent => ({
  type: 'PushSubscriptionAdded',
  data: { personId: PERSON, subscriptionId, endpoint: `${ENDPOINT}/${subscriptionId}`, keys, addedAt: AT },
});

describe('marking notifications read', () => {
  it('marks one', () =>
    given()
      .when(command('MarkNotificationRead', { notificationId: NOTIFICATION }))
      .then({
        type: 'NotificationRead',
        data: { personId: PERSON, notificationId: NOTIFICATION, readAt: AT },
      }));

  it('refuses an id that is not one', () =>
    given()
      .when(command('MarkNotificationRead', { notificationId: 'x' }))
      .thenFails('invalid', 'invalid_notification_id', 'notificationId'));

  it('marks everything up to a position', () =>
    given()
      .when(command('MarkNotificationsRead', { upTo: '42' }))
      .then({ type: 'NotificationsRead', data: { personId: PERSON, upTo: '42', readAt: AT } }));

  it('records nothing when already read that far', () => {
    const read: NotificationInboxEvent = {
      type: 'NotificationsRead',
      data: { personId: PERSON, upTo: '42', readAt: AT },
    };
    given(read)
      .when(command('MarkNotificationsRead', { upTo: '42' }))
      .then();
    given(read)
      .when(command('MarkNotificationsRead', { upTo: '7' }))
      .then();
  });

  it.each(['-1', '01', '1.5', '', '1'.repeat(40)])('refuses the position %j', (upTo) =>
    given().when(command('MarkNotificationsRead', { upTo })).thenFails('invalid', 'invalid_position', 'upTo'),
  );

  it('refuses the platform itself', () =>
    given()
      .when(
        command('MarkNotificationsRead', { upTo: '1' }, { ...asPerson, actor: { id: 's', role: 'system' } }),
      )
      .thenFails('forbidden', 'people_only'));
});

describe('SetNotificationPreferences', () => {
  const chosen: NotificationPreferences = {
    channels: { ...DEFAULT_PREFERENCES.channels, reply: ['push', 'email', 'push'] },
    quietHours: { start: '22:00', end: '06:00' },
    regionCode: '62.06',
  };

  it('records them in normal form: every kind, channels once each in a fixed order', () =>
    given()
      .when(command('SetNotificationPreferences', { preferences: chosen }))
      .then({
        type: 'NotificationPreferencesSet',
        data: {
          personId: PERSON,
          channels: {
            response: ['email', 'sms'],
            reply: ['email', 'push'],
            status: ['email', 'sms'],
            assignment: ['email'],
            deadline: ['email'],
            escalation: ['email', 'sms'],
            join_request: ['email'],
            group_draft: ['email'],
            group_response: ['email'],
            announcement: ['email'],
            announcement_answer: ['email'],
          },
          quietHours: { start: '22:00', end: '06:00' },
          regionCode: '62.06',
          setAt: AT,
        },
      }));

  it('gives a kind left out no channel', () =>
    given()
      .when(
        command('SetNotificationPreferences', {
          preferences: { channels: { response: ['email'] } as never, quietHours: null, regionCode: null },
        }),
      )
      .then({
        type: 'NotificationPreferencesSet',
        data: {
          personId: PERSON,
          channels: {
            response: ['email'],
            reply: [],
            status: [],
            assignment: [],
            deadline: [],
            escalation: [],
            join_request: [],
            group_draft: [],
            group_response: [],
            announcement: [],
            announcement_answer: [],
          },
          quietHours: null,
          regionCode: null,
          setAt: AT,
        },
      }));

  it('records nothing when they do not change', () => {
    const set = notificationInboxDecider.decide(
      command('SetNotificationPreferences', { preferences: chosen }) as never,
      notificationInboxDecider.initialState,
    );
    given(...set)
      .when(command('SetNotificationPreferences', { preferences: chosen }))
      .then();
  });

  it('refuses an unknown kind or channel', () => {
    const bad = (channels: object) =>
      command('SetNotificationPreferences', { preferences: { ...chosen, channels: channels as never } });
    given()
      .when(bad({ gossip: ['email'] }))
      .thenFails('invalid', 'unknown_notification_kind', 'channels');
    given()
      .when(bad({ reply: ['pigeon'] }))
      .thenFails('invalid', 'unknown_channel', 'channels');
  });

  it.each([
    { start: '22:00', end: '22:00' },
    { start: '24:00', end: '06:00' },
    { start: '7:00', end: '08:00' },
  ])('refuses the quiet hours %j', (quietHours) =>
    given()
      .when(command('SetNotificationPreferences', { preferences: { ...chosen, quietHours } }))
      .thenFails('invalid', 'invalid_quiet_hours', 'quietHours'),
  );
});

describe('push subscriptions', () => {
  const keys = browserKeys();
  const add = (subscriptionId = 'sub-1', endpoint = `${ENDPOINT}/sub-1`, k = keys) =>
    command('AddPushSubscription', { subscriptionId, endpoint, keys: k });

  it('adds a browser', () =>
    given()
      .when(add())
      .then({
        type: 'PushSubscriptionAdded',
        data: { personId: PERSON, subscriptionId: 'sub-1', endpoint: `${ENDPOINT}/sub-1`, keys, addedAt: AT },
      }));

  it('records nothing when the same browser subscribes again with the same keys', () =>
    given(added('sub-1', keys)).when(add()).then());

  it('replaces the keys of a browser that subscribed anew', () => {
    const fresh = browserKeys();
    given(added('sub-1', keys))
      .when(add('sub-1', `${ENDPOINT}/sub-1`, fresh))
      .then({
        type: 'PushSubscriptionAdded',
        data: {
          personId: PERSON,
          subscriptionId: 'sub-1',
          endpoint: `${ENDPOINT}/sub-1`,
          keys: fresh,
          addedAt: AT,
        },
      });
  });

  it(`refuses more than ${MAX_PUSH_SUBSCRIPTIONS} browsers`, () => {
    const many = Array.from({ length: MAX_PUSH_SUBSCRIPTIONS }, (_, i) => added(`sub-${i + 10}`));
    given(...many)
      .when(add())
      .thenFails('conflict', 'too_many_push_subscriptions');
  });

  it.each([
    'http://push.example/x',
    'not a url',
    'https://user:pw@push.example/x',
    `https://a.example/${'x'.repeat(2000)}`,
  ])('refuses the endpoint %j', (endpoint) =>
    given().when(add('sub-1', endpoint)).thenFails('invalid', 'invalid_push_endpoint', 'endpoint'),
  );

  it('refuses keys that are not a browser’s', () => {
    given()
      .when(add('sub-1', `${ENDPOINT}/sub-1`, { ...keys, p256dh: Buffer.alloc(65, 1).toString('base64url') }))
      .thenFails('invalid', 'invalid_push_key', 'keys.p256dh');
    given()
      .when(add('sub-1', `${ENDPOINT}/sub-1`, { ...keys, auth: 'short' }))
      .thenFails('invalid', 'invalid_push_key', 'keys.auth');
  });

  it('removes a browser, and refuses one it does not know', () => {
    given(added('sub-1'))
      .when(command('RemovePushSubscription', { subscriptionId: 'sub-1' }))
      .then({
        type: 'PushSubscriptionRemoved',
        data: { personId: PERSON, subscriptionId: 'sub-1', removedAt: AT },
      });
    given()
      .when(command('RemovePushSubscription', { subscriptionId: 'sub-1' }))
      .thenFails('not_found', 'push_subscription_not_found');
  });
});

describe('the notification inbox stream and its personal data', () => {
  it('names a digest of the person, never the person', () => {
    expect(notificationInboxStream(PERSON)).toMatch(/^notification-inbox-[0-9a-f]{32}$/);
    expect(notificationInboxStream(PERSON)).not.toContain(PERSON);
  });

  it('seals the person, their browsers and their home region', () => {
    expect(notificationInboxPersonalData(added('sub-1')).map((f) => f.field)).toEqual([
      'personId',
      'endpoint',
      'keys',
    ]);
    expect(notificationInboxPersonalData(added('sub-1')).every((f) => f.subject === PERSON)).toBe(true);
  });
});
