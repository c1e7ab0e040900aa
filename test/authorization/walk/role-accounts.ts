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

/** The role an admin grants each column's account; agencies A and B as in test/support/scenario.ts. */
const GRANTED: Partial<Record<SignedInRole, GrantableRole>> = {
  facilitator: 'facilitator',
  official: 'official:dinas-pupr',
  otherOfficial: 'official:dinas-perhubungan',
  auditor: 'auditor',
  admin: 'admin',
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

/** The logins of the accounts the columns act with. */
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

/**
 * Real accounts for the columns: citizens register and confirm by code, the first admin comes from
 * admin:create's createFirstAdmin, and that admin grants every other role through the account decider
 * (GrantRole): the step PUT /api/accounts/{accountId}/role and invitations will take over HTTP.
 */
export class RoleAccounts {
  private constructor(
    private readonly running: TestApp,
    private readonly api: ApiClient,
    private readonly admin: Identity,
  ) {}

  static async start(running: TestApp, api: ApiClient): Promise<RoleAccounts> {
    const login = ROLE_ACCOUNTS.admin;
    const hasher = running.app.get<symbol, PasswordHasher>(PASSWORD_HASHER);
    const entered = { login: emailLogin(login), entered: login, displayName: 'Admin Diskominfo' };
    const accountId = await createFirstAdmin(running.app.get(AccountRecords), hasher, {
      ...entered,
      password: PASSWORD,
    });
    const { accessToken } = await signIn(api, login);
    return new RoleAccounts(running, api, { accountId, login, password: PASSWORD, token: accessToken });
  }

  /** One signed-in account per column, the first admin's among them. */
  async everyRole(): Promise<Record<SignedInRole, Identity>> {
    const identities: Partial<Record<SignedInRole, Identity>> = { admin: this.admin };
    for (const role of Object.keys(ROLE_ACCOUNTS) as SignedInRole[])
      if (role !== 'admin') identities[role] = await this.signedInAs(role, ROLE_ACCOUNTS[role]);
    return identities as Record<SignedInRole, Identity>;
  }

  /** A new account holding the role, signed in: for operations that change or end the account. */
  async signedInAs(role: SignedInRole, login: string): Promise<Identity> {
    await confirm(this.api, login, await register(this.api, this.running.config.dataDir, login));
    const session = await signIn(this.api, login);
    const accountId = subjectOf(session.accessToken);
    const granted = GRANTED[role];
    if (!granted) return { accountId, login, password: PASSWORD, token: session.accessToken };
    const records = this.running.app.get(AccountRecords);
    const context = records.contextFor({ id: this.admin.accountId, role: 'admin' });
    const data = { accountId, role: granted };
    await records.decide(accountId, { type: 'GrantRole', data, metadata: metadataOf(context) }, context);
    // A role shows in the next token.
    return { accountId, login, password: PASSWORD, token: (await signIn(this.api, login)).accessToken };
  }
}
