import { AccountEvent } from '../../accounts/domain/account.events';
import { accountStream } from '../../accounts/domain/account.streams';
import { EventLog } from '../../platform/event-log/event-log';
import { Recipient } from '../../platform/messages/outgoing-messages.port';
import { ReadModels } from '../../platform/read-models/read-models';
import { NotificationChannel } from '../domain/preferences';
import { notifiedPerson } from '../queries/get-notification-settings.handler';
import {
  NOTIFICATIONS,
  NotificationDocument,
  NOTIFICATIONS_PROJECTION,
} from '../read-models/notification.document';

/**
 * Where a person's messages go on a channel, looked up when sending: the login they registered or were invited with
 * (read from their account stream, sealed there: gone once they are erased), or the browsers they subscribed.
 * People without an account (development or OpenID Connect tokens) have no login: only Web Push reaches them.
 */
export class DeliveryTargets {
  constructor(
    private readonly log: EventLog,
    private readonly readModels: ReadModels,
  ) {}

  /** Where the person a notification was for is reached now; nowhere once the notification (or person) is gone. */
  async of(notificationId: string, channel: NotificationChannel): Promise<Recipient[]> {
    const personId = await this.personOf(notificationId);
    if (personId === undefined) return [];
    if (channel === 'push') {
      const person = await notifiedPerson(this.readModels, personId);
      return (person?.pushSubscriptions ?? []).map(({ endpoint, keys }) => ({
        kind: 'push',
        subscription: { endpoint, keys },
      }));
    }
    const login = await this.loginOf(personId);
    if (channel === 'email' && login?.kind === 'email') return [{ kind: 'email', address: login.value }];
    if (channel === 'sms' && login?.kind === 'phone') return [{ kind: 'phone', number: login.value }];
    return [];
  }

  private async personOf(notificationId: string): Promise<string | undefined> {
    const collection = await this.readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFICATIONS);
    const notification = await this.readModels.documents.findOne<NotificationDocument>(collection, {
      _id: notificationId,
    });
    return notification?.personId;
  }

  private async loginOf(personId: string): Promise<{ kind: string; value: string } | undefined> {
    const history = await this.log.read<AccountEvent>(accountStream(personId));
    if (history.some(({ event }) => event.type === 'AccountErased')) return undefined;
    for (const { event } of history)
      if (event.type === 'AccountRegistered' || event.type === 'AccountInvited') {
        const { loginKind, login } = event.data;
        return typeof login === 'string' ? { kind: loginKind, value: login } : undefined;
      }
    return undefined;
  }
}
