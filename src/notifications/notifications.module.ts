import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Provider,
} from '@nestjs/common';
import { AppConfig } from '../app-config';
import { CLOCK, Clock } from '../platform/clock';
import { DOCUMENT_STORE, DocumentStore } from '../platform/document-store/document-store.port';
import { isAbandonedLocalHolder, processLeaseHolder } from '../platform/document-store/lease-holder';
import { EventLog } from '../platform/event-log/event-log';
import { OUTGOING_MESSAGES, OutgoingMessages } from '../platform/messages/outgoing-messages.port';
import { RoutingOutgoingMessages } from '../platform/messages/routing-outgoing-messages';
import { loadVapidKeys, VapidKeys } from '../platform/messages/vapid-keys';
import { WebPushOutgoingMessages } from '../platform/messages/web-push-outgoing-messages';
import { ReadModels } from '../platform/read-models/read-models';
import { DeliveryPlanner } from './delivery/delivery-planner';
import { DeliverySender } from './delivery/delivery-sender';
import { DeliveryStore } from './delivery/delivery-store';
import { DeliveryTargets } from './delivery/delivery-targets';
import { DeliveryWorker } from './delivery/delivery-worker';
import { ErasedMeanwhile } from './delivery/erased-meanwhile';
import { NotificationInboxHandler } from './notification-inbox.handler';
import { NOTIFICATIONS_CONFIG, NOTIFICATIONS_DEFAULTS, NotificationsConfig } from './notifications.config';
import { NotificationsController, VAPID_KEYS } from './notifications.controller';
import { GetNotificationSettingsHandler } from './queries/get-notification-settings.handler';
import { ListNotificationsHandler } from './queries/list-notifications.handler';

const WEB_PUSH = Symbol('WebPush');

const providers = (config: AppConfig): Provider[] => [
  { provide: NOTIFICATIONS_CONFIG, useValue: { ...NOTIFICATIONS_DEFAULTS, ...config.notifications } },
  {
    provide: VAPID_KEYS,
    inject: [NOTIFICATIONS_CONFIG],
    useFactory: (settings: NotificationsConfig) => loadVapidKeys(config.dataDir, settings.vapidPrivateKey),
  },
  {
    provide: WEB_PUSH,
    inject: [NOTIFICATIONS_CONFIG, VAPID_KEYS],
    useFactory: (settings: NotificationsConfig, vapid: VapidKeys) =>
      new WebPushOutgoingMessages({
        vapid,
        subject: settings.vapidSubject,
        allowedHosts: settings.pushHosts,
        ...(settings.pushCa !== undefined && { ca: settings.pushCa }),
      }),
  },
  {
    provide: DeliveryWorker,
    inject: [DOCUMENT_STORE, ReadModels, EventLog, OUTGOING_MESSAGES, WEB_PUSH, CLOCK, NOTIFICATIONS_CONFIG],
    useFactory: (
      documents: DocumentStore,
      readModels: ReadModels,
      log: EventLog,
      shared: OutgoingMessages,
      webPush: OutgoingMessages,
      clock: Clock,
      settings: NotificationsConfig,
    ) => {
      const logger = new Logger('Notifications');
      const store = new DeliveryStore(documents);
      // Browsers by Web Push; e-mail, SMS and webhooks by the app's one outgoing-message port.
      const messages = new RoutingOutgoingMessages({ push: webPush, fallback: shared });
      const planner = new DeliveryPlanner(documents, readModels, store, settings);
      const sender = new DeliverySender(
        store,
        new DeliveryTargets(log, readModels),
        messages,
        settings,
        logger,
        new ErasedMeanwhile(readModels, store),
      );
      return new DeliveryWorker(documents, planner, sender, clock, {
        holder: processLeaseHolder(),
        abandoned: isAbandonedLocalHolder,
        leaseTtlMs: settings.leaseTtlMs,
        pollMs: settings.pollMs,
        logger,
      });
    },
  },
  NotificationInboxHandler,
  ListNotificationsHandler,
  GetNotificationSettingsHandler,
];

/** Notifications: the caller's list, read marks, preferences and browsers, and the delivery outbox's worker. */
@Module({})
export class NotificationsModule implements OnApplicationBootstrap, OnModuleDestroy {
  static with(config: AppConfig): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController],
      providers: providers(config),
    };
  }

  constructor(
    private readonly worker: DeliveryWorker,
    @Inject(WEB_PUSH) private readonly webPush: OutgoingMessages,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  /** Before storage closes: the worker finishes its round and gives its lease up. */
  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
    await this.webPush.close();
  }
}
