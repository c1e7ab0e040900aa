import { io } from 'socket.io-client';
import { appConfigFromEnv } from '../src/app-config';
import { ApiClient } from './support/api-client';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';

/** Connects to /live with an Authorization header, as a server-side client would; resolves with the refusal. */
function connectWithHeader(url: string, authorization: string): Promise<'connected' | string> {
  const socket = io(`${url}/live`, {
    transports: ['websocket'],
    extraHeaders: { authorization },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => (socket.close(), resolve('connected')));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve(error.data?.code ?? error.message);
    });
  });
}

describe('bearer tokens on HTTP and /live (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
  });
  afterAll(() => running.close());

  it('reads the Bearer scheme name in any case on HTTP', async () => {
    const token = await api.tokenFor('citizen-1', 'citizen');
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      const response = await api.send('GET', '/api/me/aspirations', {
        headers: { authorization: `${scheme} ${token}` },
      });
      expect({ scheme, status: response.status }).toEqual({ scheme, status: 200 });
    }
  });

  it('reads the Bearer scheme name in any case in the /live handshake header', async () => {
    const token = await api.tokenFor('citizen-1', 'citizen');
    expect(await connectWithHeader(running.url, `bearer ${token}`)).toBe('connected');
    // A bad token under a lower-case scheme is refused, not ignored as if there were none.
    expect(await connectWithHeader(running.url, 'bearer not-a-token')).toBe('invalid_token');
    expect(await connectWithHeader(running.url, 'BEARER not-a-token')).toBe('invalid_token');
  });
});

describe('the development token issuer (e2e)', () => {
  it.each([
    ['SUARA_DEV_TOKENS unset', {}],
    ['SUARA_DEV_TOKENS=false', { SUARA_DEV_TOKENS: 'false' }],
    ['NODE_ENV=production without dev tokens', { NODE_ENV: 'production' }],
  ])('is not mounted with %s', async (_, env) => {
    const dataDir = freshDataDir();
    const config = { ...appConfigFromEnv({ DATA_DIR: dataDir, ...env }), port: 0, logLevel: 'silent' };
    const running = await startTestApp(dataDir, undefined, config);
    try {
      const response = await new ApiClient(running.url).send('POST', '/api/dev/tokens', {
        body: { actorId: 'someone', role: 'admin' },
      });
      expect(response.status).toBe(404);
    } finally {
      await running.close();
    }
  });
});
