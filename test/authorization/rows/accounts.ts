import { allowed, anyToken, everyone, refused } from '../outcomes';
import { HttpAttempt, HttpRow, World } from '../row';

// Rules: @Public on the account and session routes (a token, if sent, changes nothing: the login, code or
// refresh token is the credential), requireSelf in src/accounts/domain/password.decide.ts, and the token's own
// account in end-sessions.handler.ts and erasure/erase-account.handler.ts.

const NEW_PASSWORD = 'perahu kayu di sungai katingan';

const CREDENTIAL = 'public: the login and code, password or refresh token in the body are the credential';

const publicCommand = (
  method: HttpRow['method'],
  path: string,
  status: number,
  attempt: (world: World) => Promise<Omit<HttpAttempt, 'path'>>,
  sharesSetup = false,
  note = CREDENTIAL,
): HttpRow => ({
  kind: 'http',
  method,
  path,
  outcomes: everyone(allowed(status)),
  note,
  sharesSetup,
  attempt: async (world) => ({ path, ...(await attempt(world)) }),
});

/**
 * A route that changes or ends the caller's own account: each caller acts with a new account of its role,
 * so that the column's account (and its live connections) stays as it was for the rows after it.
 */
const ownAccount = (
  method: HttpRow['method'],
  path: string,
  situation: string,
  status: number,
  body: (currentPassword: string) => unknown,
): HttpRow => ({
  kind: 'http',
  method,
  path,
  situation,
  outcomes: anyToken(allowed(status)),
  note: 'acts on the account the token names, never another',
  async attempt(world, role) {
    const account = await world.newAccountAs(role);
    return { path, token: account?.token, body: body(account?.password ?? 'tanpa akun tanpa sandi') };
  },
});

export const accountRows: readonly HttpRow[] = [
  publicCommand(
    'POST',
    '/api/dev/tokens',
    201,
    async () => ({ body: { actorId: 'warga-9', role: 'citizen' } }),
    true,
    'only with SUARA_DEV_TOKENS=true, refused in production: whoever reaches it acts as anyone',
  ),
  publicCommand(
    'POST',
    '/api/accounts',
    202,
    async (world) => ({
      body: {
        email: `${world.unique('warga')}@contoh.id`,
        displayName: 'Siti Rahma',
        password: NEW_PASSWORD,
      },
    }),
    false,
    'public: anyone registers as a citizen',
  ),
  publicCommand('POST', '/api/accounts/confirmations', 200, async (world) => ({
    body: await world.pendingAccount(),
  })),
  publicCommand(
    'POST',
    '/api/accounts/confirmation-codes',
    202,
    async (world) => ({ body: { login: (await world.pendingAccount()).login } }),
    true,
    'public: answers alike whether or not the login has an account waiting',
  ),
  publicCommand(
    'POST',
    '/api/accounts/password-resets',
    202,
    async (world) => ({ body: { login: (await world.activeAccount()).login } }),
    true,
    'public: answers alike whether or not the login has an account waiting',
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
  ownAccount('DELETE', '/api/sessions', "the caller's own account", 200, () => undefined),
  ownAccount(
    'POST',
    '/api/me/password',
    "the caller's own account, with its current password",
    200,
    (currentPassword) => ({ currentPassword, newPassword: NEW_PASSWORD }),
  ),
  {
    ...ownAccount(
      'DELETE',
      '/api/me',
      "the caller's own account, with its current password",
      204,
      (password) => ({ password }),
    ),
    outcomes: {
      ...anyToken(allowed(204)),
      admin: refused(409, 'admin_role_held', 'an admin is erased once another admin revoked the role'),
    },
    note: 'acts on the account the token names, never another; asks its password: a stolen token alone erases no one',
  },
];
