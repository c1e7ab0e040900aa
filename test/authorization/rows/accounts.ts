import { allowed, anyToken, everyone } from '../outcomes';
import { HttpAttempt, HttpRow, World } from '../row';

// Rules: @Public on the account and session routes (a token, if sent, changes nothing: the login, code or
// refresh token is the credential), and requireSelf in src/accounts/domain/password.decide.ts.

const NEW_PASSWORD = 'perahu kayu di sungai katingan';

const publicCommand = (
  method: HttpRow['method'],
  path: string,
  status: number,
  attempt: (world: World) => Promise<Omit<HttpAttempt, 'path'>>,
  sharesSetup = false,
): HttpRow => ({
  kind: 'http',
  method,
  path,
  outcomes: everyone(allowed(status)),
  sharesSetup,
  attempt: async (world) => ({ path, ...(await attempt(world)) }),
});

export const accountRows: readonly HttpRow[] = [
  publicCommand(
    'POST',
    '/api/dev/tokens',
    201,
    async () => ({ body: { actorId: 'warga-9', role: 'citizen' } }),
    true,
  ),
  publicCommand('POST', '/api/accounts', 202, async (world) => ({
    body: { email: `${world.unique('warga')}@contoh.id`, displayName: 'Siti Rahma', password: NEW_PASSWORD },
  })),
  publicCommand('POST', '/api/accounts/confirmations', 200, async (world) => ({
    body: await world.pendingAccount(),
  })),
  publicCommand(
    'POST',
    '/api/accounts/confirmation-codes',
    202,
    async (world) => ({ body: { login: (await world.pendingAccount()).login } }),
    true,
  ),
  publicCommand(
    'POST',
    '/api/accounts/password-resets',
    202,
    async (world) => ({ body: { login: (await world.activeAccount()).login } }),
    true,
  ),
  publicCommand('POST', '/api/accounts/password-resets/confirmations', 200, async (world) => ({
    body: { ...(await world.passwordResetRequested()), newPassword: NEW_PASSWORD },
  })),
  publicCommand('POST', '/api/sessions', 201, async (world) => ({ body: await world.activeAccount() }), true),
  publicCommand('POST', '/api/sessions/refresh', 200, async (world) => ({
    body: { refreshToken: await world.refreshToken() },
  })),
  publicCommand('DELETE', '/api/sessions/current', 200, async (world) => ({
    body: { refreshToken: await world.refreshToken() },
  })),
  {
    kind: 'http',
    method: 'DELETE',
    path: '/api/sessions',
    situation: "the caller's own account",
    outcomes: anyToken(allowed(200)),
    sharesSetup: true,
    attempt: async () => ({ path: '/api/sessions' }),
  },
  {
    kind: 'http',
    method: 'POST',
    path: '/api/me/password',
    situation: "the caller's own account",
    outcomes: anyToken(allowed(200)),
    attempt: async (world, role) => ({
      path: '/api/me/password',
      body: { currentPassword: world.passwordOf(role), newPassword: NEW_PASSWORD },
    }),
  },
];
