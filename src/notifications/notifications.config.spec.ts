import { notificationsConfigFromEnv } from './notifications.config';

describe('notificationsConfigFromEnv', () => {
  it('takes nothing from an empty environment: the defaults apply', () =>
    expect(notificationsConfigFromEnv({})).toEqual({}));

  it('reads the VAPID key and subject, the push hosts and the digest', () =>
    expect(
      notificationsConfigFromEnv({
        SUARA_VAPID_PRIVATE_KEY: 'abc',
        SUARA_VAPID_SUBJECT: 'mailto:diskominfo@katingankab.go.id',
        SUARA_PUSH_HOSTS: ' fcm.googleapis.com, Push.Example.ID ',
        SUARA_NOTIFY_DIGEST_THRESHOLD: '5',
        SUARA_NOTIFY_DIGEST_WINDOW_MINUTES: '30',
      }),
    ).toEqual({
      vapidPrivateKey: 'abc',
      vapidSubject: 'mailto:diskominfo@katingankab.go.id',
      pushHosts: ['fcm.googleapis.com', 'push.example.id'],
      digestThreshold: 5,
      digestWindowMs: 30 * 60_000,
    }));

  it.each([
    [{ SUARA_VAPID_SUBJECT: 'diskominfo' }, /SUARA_VAPID_SUBJECT/],
    [{ SUARA_VAPID_SUBJECT: 'http://katingankab.go.id' }, /SUARA_VAPID_SUBJECT/],
    [{ SUARA_NOTIFY_DIGEST_THRESHOLD: '2.5' }, /whole number/],
    [{ SUARA_NOTIFY_DIGEST_THRESHOLD: '0' }, /positive/],
    [{ SUARA_NOTIFY_DIGEST_WINDOW_MINUTES: 'soon' }, /positive/],
  ])('refuses %j at start-up', (env, message) =>
    expect(() => notificationsConfigFromEnv(env)).toThrow(message),
  );
});
