import { outbox } from './outbox';

/**
 * At start-up: the outbox sends what an earlier visit left, and the service worker keeps the app shell for the
 * next visit without a network. Browsers give workers only to secure contexts (https, localhost): on a plain-http
 * village network the app still queues offline, it just needs the network to open.
 */
export function startOffline(): void {
  outbox.start();
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page itself has loaded, so caching the shell never competes with the first view for bandwidth.
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
