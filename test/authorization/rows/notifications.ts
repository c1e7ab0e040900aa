import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { allowed, anyToken, everyone, NO_TOKEN, Outcome, Outcomes, refused, withToken } from '../outcomes';
import { HttpMethod, HttpRow, LiveRow, Situation, SITUATIONS } from '../row';
import { byVisibility, ReadSituation } from './visibility';

// Rules: src/following/domain/follow.decide.ts with audienceOf (who may follow what they may see), the notification
// inbox decider (src/notifications/domain/), which acts only on the token's own person, and TopicAccess for `me`.

const UNSEEN = refused(404, 'aspiration_not_found', 'may not see it: answered as for no aspiration');
const OWN = "acts on the token's own person only, never another's";

const follow = (method: HttpMethod, situation: ReadSituation, outcomes: Outcomes): HttpRow => ({
  kind: 'http',
  method,
  path: '/api/aspirations/{id}/follow',
  situation:
    method === 'POST'
      ? SITUATIONS[situation as Situation]
      : `${SITUATIONS[situation]}, not followed by the caller`,
  outcomes,
  async attempt(world) {
    const aspiration = await world.aspiration(situation);
    return { path: `/api/aspirations/${aspiration.id}/follow`, body: method === 'POST' ? {} : undefined };
  },
});

/** Following what one may see; the submitter already follows their own from the submission on. */
const followRow = (situation: ReadSituation): HttpRow => {
  const outcomes = byVisibility(situation, allowed(201), UNSEEN);
  return follow('POST', situation, {
    ...outcomes,
    anonymous: NO_TOKEN,
    submitter: refused(409, 'already_following', 'follows their own aspiration from its submission on'),
  });
};

const notFollowing = refused(409, 'not_following', 'never followed it');

const ownRoute = (
  method: HttpMethod,
  path: string,
  status: number,
  body?: () => unknown,
  outcome: Outcome = allowed(status),
): HttpRow => ({
  kind: 'http',
  method,
  path,
  situation: "the caller's own",
  outcomes: anyToken(outcome),
  note: OWN,
  sharesSetup: true,
  attempt: async () => ({
    path: path.replace('{id}', '0b8a2d3e-5a43-4f2b-9a55-3c8b1f3f7d10'),
    body: body?.(),
  }),
});

/** What a browser's PushManager hands out, at a push service this deployment allows. */
function browserSubscription() {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'jwk' });
  const point = [Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')];
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${randomBytes(8).toString('hex')}`,
    keys: { p256dh: Buffer.concat(point).toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}

const meTopic: LiveRow = {
  kind: 'live',
  message: 'subscribe',
  topic: 'me',
  outcomes: {
    ...everyone(allowed()),
    anonymous: refused(undefined, 'not_authenticated', 'only a signed-in person has notifications'),
  },
  note: 'each person hears only their own notifications on it: the audience is the token’s person',
  attempt: async () => ({ topic: 'me' }),
};

export const notificationRows: readonly (HttpRow | LiveRow)[] = [
  followRow('assigned'),
  followRow('submitted'),
  followRow('confidential'),
  follow(
    'DELETE',
    'assigned',
    withToken({
      submitter: allowed(200),
      citizen: notFollowing,
      facilitator: notFollowing,
      otherFacilitator: notFollowing,
      official: notFollowing,
      otherOfficial: notFollowing,
      auditor: notFollowing,
      admin: notFollowing,
    }),
  ),
  ownRoute('GET', '/api/me/follows', 200),
  ownRoute('GET', '/api/me/notifications', 200),
  ownRoute('POST', '/api/me/notifications/{id}/read', 200),
  ownRoute('POST', '/api/me/notifications/read', 200, () => ({ upTo: '1' })),
  ownRoute('GET', '/api/me/notification-preferences', 200),
  ownRoute('PUT', '/api/me/notification-preferences', 200, () => ({
    channels: { response: ['email', 'push'], escalation: ['sms'] },
    quietHours: { start: '22:00', end: '06:00' },
    regionCode: '62.06',
  })),
  ownRoute('POST', '/api/me/push-subscriptions', 201, browserSubscription),
  ownRoute(
    'DELETE',
    '/api/me/push-subscriptions/{id}',
    404,
    undefined,
    refused(
      404,
      'push_subscription_not_found',
      'only among the caller’s own browsers: another’s id is not found',
    ),
  ),
  {
    kind: 'http',
    method: 'GET',
    path: '/api/notifications/push-key',
    outcomes: everyone(allowed(200)),
    note: 'public: the VAPID public key browsers subscribe with',
    attempt: async () => ({ path: '/api/notifications/push-key' }),
  },
  meTopic,
];
