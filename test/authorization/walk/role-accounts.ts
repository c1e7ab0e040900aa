import { AccountRecords } from '../../../src/accounts/account-records';
import { emailLogin } from '../../../src/accounts/domain/login';
import { createFirstAdmin } from '../../../src/accounts/first-admin';
import { GrantableRole } from '../../../src/accounts/domain/account.roles';
import { metadataOf } from '../../../src/platform/commands/command-context';
import { PASSWORD_HASHER, PasswordHasher } from '../../../src/platform/passwords/password-hasher.port';
import { ApiClient } from '../../support/api-client';
import { codesSentTo } from '../../support/outbox';
import { TestApp } from '../../support/test-app';
import { Role } from '../outcomes';

export const PASSWORD = 'sore hari di tepi sungai';

/** A signed-in person: a real account, its login and password, and the access token sign-in gave. */
export interface Identity {
  readonly accountId: string;
  readonly login: string;
  readonly password: string;
  readonly token: string;
}

export type SignedInRole = Exclude<Role, 'anonymous'>;

/** The role each column's account holds; agency A and B as in test/support/scenario.ts. */
const GRANTED: Partial<Record<SignedInRole, GrantableRole>> = {
  facilitator: 'facilitator',
  official: 'official:dinas-pupr',
  otherOfficial: 'official:dinas-perhubungan',
  auditor: 'auditor',
};

async function expectStatus(response: Promise<{ status: number; body: unknown }>, status: number) {
  const { status: actual, body } = await response;
  if (actual !== status) throw new Error(`Expected ${status}, got ${actual}: ${JSON.stringify(body)}`);
  return body as Record<string, string>;
}

/** Registers as a person does and returns the code the development outbox holds for it. */
export async function register(api: ApiClient, dataDir: string, email: string): Promise<string> {
  const body = { email, displayName: 'Warga Katingan', password: PASSWORD };
  await expectStatus(api.send('POST', '/api/accounts', { body }), 202);
  return latestCode(dataDir, email);
}

export const latestCode = (dataDir: string, email: string): string => codesSentTo(dataDir, email).at(-1)!;

export async function confirm(api: ApiClient, login: string, code: string): Promise<void> {
  await expectStatus(api.send('POST', '/api/accounts/confirmations', { body: { login, code } }), 200);
}

export async function signIn(api: ApiClient, login: string, password = PASSWORD) {
  return expectStatus(api.send('POST', '/api/sessions', { body: { login, password } }), 201);
}

/**
 * One real account per column: citizens register and confirm by code, the admin comes from admin:create's
 * createFirstAdmin, and the admin grants the other roles through the account decider (GrantRole), the
 * step PUT /api/accounts/{accountId}/role and invitations will take over HTTP. Each then signs in.
 */
export async function signInEveryRole(
  running: TestApp,
  api: ApiClient,
): Promise<Record<SignedInRole, Identity>> {
  const dataDir = running.config.dataDir;
  const records = running.app.get(AccountRecords);
  const adminLogin = 'admin@katingan.go.id';
  const hasher = running.app.get<symbol, PasswordHasher>(PASSWORD_HASHER);
  const adminId = await createFirstAdmin(records, hasher, {
    login: emailLogin(adminLogin),
    entered: adminLogin,
    displayName: 'Admin Diskominfo',
    password: PASSWORD,
  });
  const identities: Partial<Record<SignedInRole, Identity>> = {};
  for (const role of Object.keys(ROLE_ACCOUNTS) as SignedInRole[]) {
    const login = ROLE_ACCOUNTS[role];
    if (role !== 'admin') await confirm(api, login, await register(api, dataDir, login));
    const session = await signIn(api, login);
    const accountId = role === 'admin' ? adminId : subjectOf(session.accessToken);
    const granted = GRANTED[role];
    if (granted) await grant(records, adminId, accountId, granted);
    // A role shows in the next token, so those granted one sign in again.
    const token = granted ? (await signIn(api, login)).accessToken : session.accessToken;
    identities[role] = { accountId, login, password: PASSWORD, token };
  }
  return identities as Record<SignedInRole, Identity>;
}

const ROLE_ACCOUNTS: Record<SignedInRole, string> = {
  submitter: 'siti@contoh.id',
  citizen: 'rahmat@contoh.id',
  facilitator: 'fasilitator@kim-kasongan.id',
  official: 'petugas@pupr.katingan.go.id',
  otherOfficial: 'petugas@dishub.katingan.go.id',
  auditor: 'auditor@inspektorat.katingan.go.id',
  admin: 'admin@katingan.go.id',
};

const subjectOf = (token: string): string =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

async function grant(records: AccountRecords, adminId: string, accountId: string, role: GrantableRole) {
  const context = records.contextFor({ id: adminId, role: 'admin' });
  const command = { type: 'GrantRole', data: { accountId, role }, metadata: metadataOf(context) } as const;
  await records.decide(accountId, command, context);
}
