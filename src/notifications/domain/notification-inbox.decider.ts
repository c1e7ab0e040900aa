import { Decider } from '../../platform/domain/decider';
import { NotificationInboxCommand } from './notification-inbox.commands';
import { decide } from './notification-inbox.decide';
import { NotificationInboxEvent } from './notification-inbox.events';
import { evolve, initialState, NotificationInboxState } from './notification-inbox.state';

export const notificationInboxDecider: Decider<
  NotificationInboxCommand,
  NotificationInboxEvent,
  NotificationInboxState
> = { initialState, evolve, decide };
