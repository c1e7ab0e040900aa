// The app shell from the cache, so Suara Warga opens without a network, and the person's Web Push notifications.
// Hand-written and small on purpose: it caches exactly the files of one build (listed by
// web/build/service-worker.mts) and never an API response.

// A module, so `self` below is the worker's own scope type rather than the DOM's window.
export {};
declare const self: ServiceWorkerGlobalScope;
/** Put in by the build: this build's version (a hash of its files) and the paths of the shell. */
declare const __SUARA_SHELL__: { readonly version: string; readonly files: readonly string[] };

const { version, files } = __SUARA_SHELL__;
const PREFIX = 'suara-shell-';
const CACHE = `${PREFIX}${version}`;
const SHELL = '/index.html';
const PRECACHED = new Set(files);
/** The API, the live connection and Socket.IO: always the network, never stored (they carry personal data). */
const SERVER = /^\/(api|live|socket\.io)(\/|$)/;

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the shell is this build's own files and nothing older.
  const requests = [...PRECACHED].map((path) => new Request(path, { cache: 'reload' }));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(requests))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // An older build's shell goes once this one is in place: the cache busts with every build's hash.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

const fromCache = (path: string, request: Request): Promise<Response> =>
  caches.match(path, { cacheName: CACHE }).then((hit) => hit ?? fetch(request));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || SERVER.test(url.pathname)) return;
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  // Every page URL is the same index.html, which routes in the browser: served at once, even offline.
  if (request.mode === 'navigate' && !last.includes('.')) return event.respondWith(fromCache(SHELL, request));
  if (PRECACHED.has(url.pathname)) event.respondWith(fromCache(url.pathname, request));
});

/** What the platform pushes (docs/api.md, "Web Push"): `id` is the message's, `link` a path of this app. */
interface PushPayload {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly link?: string;
}

/** Browsers require every push to show something: an unreadable one says only that there is news (the platform's words). */
const SOMETHING_NEW: PushPayload = { id: 'suara-warga', title: 'Suara Warga', body: 'Ada notifikasi baru.' };

const payloadOf = (event: PushEvent): PushPayload => {
  try {
    const payload = event.data?.json() as Partial<PushPayload> | undefined;
    const { id, title, body, link } = payload ?? {};
    if (typeof id !== 'string' || typeof title !== 'string' || typeof body !== 'string') return SOMETHING_NEW;
    return { id, title, body, link };
  } catch {
    return SOMETHING_NEW;
  }
};

/** Only a path of this app is opened, never another site, whatever a payload says. */
const appPath = (link: unknown): string =>
  typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : '/notifikasi';

self.addEventListener('push', (event) => {
  const payload = payloadOf(event);
  // A copy sent again after a crash carries the same id: as its tag it replaces the one shown, never adds one.
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      tag: payload.id,
      icon: '/favicon.svg',
      data: { link: appPath(payload.link) },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = appPath((event.notification.data as { link?: unknown } | null)?.link);
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((windows) => {
      // The app already open goes to the thread; a page this worker does not control cannot be steered: a new one.
      const open = windows[0];
      if (!open) return self.clients.openWindow(link);
      return open
        .navigate(link)
        .then((client) => client?.focus())
        .catch(() => self.clients.openWindow(link));
    }),
  );
});
