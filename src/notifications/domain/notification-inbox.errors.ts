import { conflict, forbidden, invalid, notFound } from '../../platform/domain/domain-errors';

// Codes are a client contract (problem details `code`): never rename one.
export const inboxErrors = {
  peopleOnly: () => forbidden('people_only', 'Only a person has notifications'),
  invalidNotificationId: () =>
    invalid('invalid_notification_id', 'notificationId must be a notification id', 'notificationId'),
  invalidPosition: () => invalid('invalid_position', 'upTo must be a position returned by the API', 'upTo'),
  unknownKind: (kind: string) =>
    invalid('unknown_notification_kind', `No notification kind ${kind}`, 'channels'),
  unknownChannel: (channel: string) => invalid('unknown_channel', `No channel ${channel}`, 'channels'),
  invalidQuietHours: () =>
    invalid(
      'invalid_quiet_hours',
      'quietHours needs start and end as HH:MM, and they must differ',
      'quietHours',
    ),
  invalidEndpoint: () =>
    invalid('invalid_push_endpoint', 'endpoint must be an https URL of 2000 characters or fewer', 'endpoint'),
  invalidKey: (field: 'keys.p256dh' | 'keys.auth') =>
    invalid(
      'invalid_push_key',
      field === 'keys.p256dh'
        ? 'keys.p256dh must be an uncompressed P-256 public key (65 bytes, base64url)'
        : 'keys.auth must be a 16-byte secret (base64url)',
      field,
    ),
  tooManySubscriptions: (max: number) =>
    conflict('too_many_push_subscriptions', `At most ${max} browsers receive Web Push per person`),
  subscriptionNotFound: () => notFound('push_subscription_not_found', 'No such push subscription'),
};
