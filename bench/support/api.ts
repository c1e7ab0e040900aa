// The HTTP calls benchmarks make to the app: development tokens, commands, reads, and the seeding they share.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field, as a client would
export type Json = Record<string, any>;

/** One request; throws with the answer on any non-2xx status. */
export async function call(url: string, method: string, body?: unknown, token?: string): Promise<Json> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Json) : {};
}

export const post = (url: string, body?: unknown, token?: string) => call(url, 'POST', body, token);
export const get = (url: string, token?: string) => call(url, 'GET', undefined, token);

export const tokenFor = async (url: string, actorId: string, role: string): Promise<string> =>
  (await post(`${url}/api/dev/tokens`, { actorId, role })).token as string;

export const SUBMISSION = {
  title: 'Jalan rusak di Kasongan Baru',
  body: 'Jalan utama desa berlubang besar sejak bulan lalu dan membahayakan pengendara motor.',
  category: 'infrastruktur',
  regionCode: '62.06.02.1003',
  visibility: 'public',
  anonymous: false,
} as const;

/** The regency and its public works office, the default agency for infrastruktur. */
export async function registerAgencies(url: string): Promise<void> {
  const admin = await tokenFor(url, 'admin-1', 'admin');
  const regency = { agencyId: 'pemkab-katingan', name: 'Pemerintah Kabupaten Katingan', regionCode: '62.06' };
  await post(`${url}/api/agencies`, { ...regency, categories: [] }, admin);
  const works = { agencyId: 'dinas-pupr', name: 'Dinas PUPR Katingan', regionCode: '62.06' };
  const parent = { parentAgencyId: 'pemkab-katingan', categories: ['infrastruktur'] };
  await post(`${url}/api/agencies`, { ...works, ...parent }, admin);
}

/** Waits until every read model has projected the whole log (GET /api/health reports each one's lag). */
export async function caughtUp(url: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const health = await get(`${url}/api/health`);
    const lags = Object.values((health.projections ?? {}) as Record<string, { lag: string }>);
    if (lags.length > 0 && lags.every(({ lag }) => lag === '0')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the read models did not catch up within ${timeoutMs} ms`);
}

/**
 * Times up to `count` sequential requests (after up to `warmUp` untimed ones), in milliseconds each. A slow route
 * stops early: warming up ends after a tenth of `budgetMs`, timing after `budgetMs` (with at least 3 samples).
 */
export async function timeRequests(
  count: number,
  warmUp: number,
  request: (i: number) => Promise<unknown>,
  budgetMs = Infinity,
): Promise<number[]> {
  const begun = performance.now();
  for (let i = 0; i < warmUp && performance.now() - begun < budgetMs / 10; i++) await request(i);
  const times: number[] = [];
  const timing = performance.now();
  for (let i = 0; i < count; i++) {
    if (times.length >= 3 && performance.now() - timing > budgetMs) break;
    const start = performance.now();
    await request(warmUp + i);
    times.push(performance.now() - start);
  }
  return times;
}
