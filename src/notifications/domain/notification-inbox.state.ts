import { assertNever } from '../../platform/domain/decider';
import { NotificationInboxEvent } from './notification-inbox.events';
import { NotificationPreferences, PushKeys } from './preferences';

export interface NotificationInboxState {
  /** Everything up to this position was marked read at once; null before the first such mark. */
  readonly readUpTo: string | null;
  readonly preferences: NotificationPreferences | null;
  readonly subscriptions: Readonly<Record<string, { endpoint: string; keys: PushKeys }>>;
}

export const initialState: NotificationInboxState = { readUpTo: null, preferences: null, subscriptions: {} };

// Sealed fields read as null once the person was erased; nothing acts on an erased inbox, so nulls stay unread.
export function evolve(state: NotificationInboxState, event: NotificationInboxEvent): NotificationInboxState {
  switch (event.type) {
    case 'NotificationRead':
      return state;
    case 'NotificationsRead':
      return { ...state, readUpTo: event.data.upTo };
    case 'NotificationPreferencesSet': {
      const { channels, quietHours, regionCode } = event.data;
      return { ...state, preferences: { channels, quietHours, regionCode } };
    }
    case 'PushSubscriptionAdded': {
      const { subscriptionId, endpoint, keys } = event.data;
      return { ...state, subscriptions: { ...state.subscriptions, [subscriptionId]: { endpoint, keys } } };
    }
    case 'PushSubscriptionRemoved': {
      const { [event.data.subscriptionId]: _removed, ...subscriptions } = state.subscriptions;
      return { ...state, subscriptions };
    }
    default:
      return assertNever(event);
  }
}
