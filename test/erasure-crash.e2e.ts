import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { ChildApp } from './support/child-app';
import { codesSentTo } from './support/outbox';
import { roadComplaint } from './support/scenario';
import { waitFor } from './support/wait-for';

const PASSWORD = 'rumah di tepi sungai';
const PHONE = '0812-7777-1234';
const E164 = '+6281277771234';

/** One read of a store file of the data folder, as an operator would look (the app may be running). */
function query<T>(dataDir: string, file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, file), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const bytesOfDataFolder = (dataDir: string) =>
  Buffer.concat(readdirSync(dataDir).map((file) => readFileSync(join(dataDir, file))));

describe('an erasure cut short by kill -9 is completed at the next start (e2e, real processes)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-erasure-crash-'));
  // The embedded stores, whatever the run's MONGO_URL: the test inspects the read-model and key files.
  const env = {
    MONGO_URL: '',
    DATA_DIR: dataDir,
    SUARA_DEV_TOKENS: 'true',
    NODE_ENV: 'test',
    SUARA_RATE_LIMITS: 'off',
  };
  const children: ChildApp[] = [];
  const start = (args: string[] = []) => {
    const child = new ChildApp(args, env);
    children.push(child);
    return child;
  };
  afterAll(() => children.forEach((child) => child.kill()));

  it('keeps the key until the read models have forgotten the person, then finishes every step', async () => {
    // A citizen with an aspiration in the read model, as any running platform has.
    const first = start();
    let api = new ApiClient(await first.url());
    await api.send('POST', '/api/accounts', {
      body: { phone: PHONE, displayName: 'Siti Rahma', password: PASSWORD },
    });
    const [code] = codesSentTo(dataDir, E164);
    await api.send('POST', '/api/accounts/confirmations', { body: { login: PHONE, code } });
    const session = (await api.send('POST', '/api/sessions', { body: { login: PHONE, password: PASSWORD } }))
      .body;
    const accountId = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString()).sub;
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint(),
      token: session.accessToken,
    });
    const { id, position } = submitted.body;
    await api.send('GET', `/api/aspirations/${id}?minPosition=${position}`, { token: session.accessToken });
    first.signal('SIGTERM');
    await first.exited();

    // An API instance without projections: AccountErased is appended, but nothing can project it, so the
    // erasure waits with the key in place; killed there, as a crash would.
    const apiOnly = start(['--api-only']);
    const erasing = fetch(`${await apiOnly.url()}/api/me`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ password: PASSWORD }),
    }).catch(() => 'cut short');
    await waitFor(
      () => query(dataDir, 'events.sqlite', "SELECT 1 FROM events WHERE type = 'AccountErased'").length === 1,
      'AccountErased to be appended',
    );
    apiOnly.kill();
    expect(await apiOnly.exited()).toEqual({ code: null, signal: 'SIGKILL' });
    await erasing;
    expect(
      query(dataDir, 'keys.sqlite', 'SELECT id FROM data_keys WHERE subject = ?', accountId),
    ).toHaveLength(1);
    expect(bytesOfDataFolder(dataDir).includes(accountId)).toBe(true);

    // The next start finishes it: the read models forget, then the copies go, then the key.
    const next = start();
    api = new ApiClient(await next.url());
    await next.logged(/^Erasure at position \d+ is complete$/);
    const facilitator = await api.tokenFor('fasil-1', 'facilitator');
    const detail = await api.send('GET', `/api/aspirations/${id}`, { token: facilitator });
    expect(detail.body.aspiration).toMatchObject({ submittedBy: null, submitterErased: true });
    expect(query(dataDir, 'keys.sqlite', 'SELECT id FROM data_keys WHERE subject = ?', accountId)).toEqual(
      [],
    );
    expect(
      (await api.send('POST', '/api/sessions', { body: { login: PHONE, password: PASSWORD } })).status,
    ).toBe(401);
    for (const marker of [accountId, E164]) expect(bytesOfDataFolder(dataDir).includes(marker)).toBe(false);

    // The login was released: the phone registers again, and its new code is the only line left for it.
    await api.send('POST', '/api/accounts', {
      body: { phone: PHONE, displayName: 'Orang Lain', password: PASSWORD },
    });
    expect(codesSentTo(dataDir, E164)).toHaveLength(1);
    next.signal('SIGTERM');
    expect(await next.exited()).toEqual({ code: 0, signal: null });
  }, 120_000);
});
