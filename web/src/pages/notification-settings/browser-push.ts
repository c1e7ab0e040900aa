import { api } from '../../api/http';
import { PushKey } from '../../api/notification-types';

/**
 * The service worker that can receive Web Push here, if any: browsers give push only to secure contexts (https,
 * localhost) with a registered worker, which the production build registers.
 */
export async function pushRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  if (!window.isSecureContext || !('serviceWorker' in navigator) || !('PushManager' in window))
    return undefined;
  if (!('Notification' in window)) return undefined;
  const found = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  // On a first visit the app registers its worker only after the page has loaded: wait for it.
  return found || !import.meta.env.PROD ? found : navigator.serviceWorker.ready;
}

/** The VAPID public key in URL-safe base64, as PushManager.subscribe wants it: bytes. */
export function applicationServerKey(publicKey: string): Uint8Array<ArrayBuffer> {
  const base64 = publicKey.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export type PushOutcome = 'subscribed' | 'denied' | 'unavailable';

/**
 * Asks the person's permission, subscribes this browser at its push service with the platform's key and gives the
 * subscription to the API. A refusal by the API throws its problem, and the browser's subscription is undone.
 */
export async function subscribeThisBrowser(registration: ServiceWorkerRegistration): Promise<PushOutcome> {
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const { publicKey } = await api<PushKey>('/api/notifications/push-key', { anonymous: true });
  let subscription: PushSubscription;
  try {
    subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: applicationServerKey(publicKey),
    });
  } catch {
    // The browser's push service could not be reached or refused (no network, no push service in this browser).
    return 'unavailable';
  }
  const { endpoint, keys } = subscription.toJSON();
  try {
    await api('/api/me/push-subscriptions', {
      method: 'POST',
      body: { endpoint, keys: { p256dh: keys?.p256dh, auth: keys?.auth } },
    });
  } catch (error) {
    await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
  return 'subscribed';
}

/** The endpoint this browser is subscribed with, to tell it apart in the list. */
export const thisBrowsersEndpoint = async (
  registration: ServiceWorkerRegistration | undefined,
): Promise<string | undefined> =>
  (await registration?.pushManager.getSubscription().catch(() => null))?.endpoint ?? undefined;
