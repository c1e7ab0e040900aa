import { LiveGateway } from '../src/live/live.gateway';
import { LiveClient } from '../src/live/testing/live-client';
import { TOKENS, Tokens } from '../src/platform/auth/tokens.port';
import { AUTHORIZATION_TABLE } from './authorization/authorization-table';
import { Role, ROLES } from './authorization/outcomes';
import { HttpRow, LiveRow, topicKindOf } from './authorization/row';
import { RoleAccounts } from './authorization/walk/role-accounts';
import { httpCell, liveCell, tryRow } from './authorization/walk/try-cells';
import { WalkWorld } from './authorization/walk/walk-world';
import { ApiClient } from './support/api-client';
import { MutableClock } from './support/mutable-clock';
import { OpenApiDocument } from './support/openapi-contract';
import { registerKatinganAgencies } from './support/scenario';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { embeddedConfig } from './support/test-config';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
// Socket.IO's own events, not client messages.
const RESERVED_EVENTS = new Set(['disconnect', 'disconnecting', 'error']);

const httpRows = AUTHORIZATION_TABLE.filter((row): row is HttpRow => row.kind === 'http');
const liveRows = AUTHORIZATION_TABLE.filter((row): row is LiveRow => row.kind === 'live');
const missingFrom = (wanted: Iterable<string>, present: Iterable<string>) =>
  [...new Set(wanted)].filter((item) => !new Set(present).has(item)).sort();

describe('the authorization table of docs/security.md, walked against the real app (e2e)', () => {
  // A working Monday morning in Kasongan; the walk moves it past deadlines as rows need.
  const clock = new MutableClock(new Date('2026-09-14T01:00:00Z'));
  let running: TestApp;
  let api: ApiClient;
  let world: WalkWorld;

  beforeAll(async () => {
    // Embedded whatever the run's MONGO_URL: it walks authorization, not storage, through hundreds of set-ups that
    // take over ten minutes with the read models on FerretDB (CI's budget); every store suite runs there already.
    const dataDir = freshDataDir();
    running = await startTestApp(dataDir, clock, embeddedConfig(dataDir));
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    const accounts = await RoleAccounts.start(running, api);
    const identities = await accounts.everyRole();
    world = new WalkWorld({ api, dataDir: running.config.dataDir, clock, identities, accounts });
  }, 60_000);
  afterAll(() => running?.close());

  it('has a row for every operation of the OpenAPI document, and none for an operation it lacks', async () => {
    const document = (await (await fetch(`${running.url}/api/docs-json`)).json()) as OpenApiDocument;
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const tabled = httpRows.map((row) => `${row.method} ${row.path}`);
    expect({
      withoutRow: missingFrom(documented, tabled),
      notDocumented: missingFrom(tabled, documented),
    }).toEqual({ withoutRow: [], notDocumented: [] });
  });

  it('has a row for every live topic kind and every client message', async () => {
    const client = await LiveClient.connect(running.url);
    try {
      // The live API names its topic kinds in the refusal of a topic it does not know.
      const refusal = await client.subscribe('no-such-topic');
      const named = !refusal.ok && /topic must be (.*)$/.exec(refusal.error.message);
      const kinds = named ? named[1].split(/, | or /).map(topicKindOf) : [];
      expect(kinds).toEqual(expect.arrayContaining(['feed', 'aspiration']));
      const sockets = [...running.app.get(LiveGateway).namespace.sockets.values()];
      const messages = sockets.flatMap((socket) => socket.eventNames().map(String));
      const subscribeRows = liveRows.filter((row) => row.message === 'subscribe');
      expect({
        topicKindsWithoutRow: missingFrom(
          kinds,
          subscribeRows.map((row) => topicKindOf(row.topic!)),
        ),
        messagesWithoutRow: missingFrom(
          messages.filter((message) => !RESERVED_EVENTS.has(message)),
          liveRows.map((row) => row.message),
        ),
      }).toEqual({ topicKindsWithoutRow: [], messagesWithoutRow: [] });
    } finally {
      client.close();
    }
  });

  it('has no column for system: no token can carry that role', async () => {
    const issued = await api.send('POST', '/api/dev/tokens', {
      body: { actorId: 'scheduler', role: 'system' },
    });
    expect(issued.status).toBe(400);
    // Even one signed with the app's own secret is refused, over HTTP and on /live.
    const signed = await running.app.get<symbol, Tokens>(TOKENS).issue({ id: 'scheduler', role: 'system' });
    expect((await api.send('GET', '/api/me/aspirations', { token: signed })).status).toBe(401);
    await expect(LiveClient.connect(running.url, { token: signed })).rejects.toMatchObject({
      data: { code: 'invalid_token' },
    });
  });

  it('answers every HTTP row as the table says, for every caller', async () => {
    const mismatches: string[] = [];
    for (const row of httpRows) mismatches.push(...(await tryRow(row, world, httpCell(api, row))));
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('answers every live row as the table says, for every caller', async () => {
    const entries = await Promise.all(
      ROLES.map(async (role) => [
        role,
        await LiveClient.connect(running.url, { token: world.tokenOf(role) }),
      ]),
    );
    const clients = Object.fromEntries(entries) as Record<Role, LiveClient>;
    try {
      const mismatches: string[] = [];
      for (const row of liveRows) mismatches.push(...(await tryRow(row, world, liveCell(clients, row))));
      expect(mismatches).toEqual([]);
    } finally {
      Object.values(clients).forEach((client) => client.close());
    }
  }, 60_000);
});
