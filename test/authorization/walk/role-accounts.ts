import { AccountRecords } from '../../../src/accounts/account-records';
import { emailLogin } from '../../../src/accounts/domain/login';
import { createFirstAdmin } from '../../../src/accounts/first-admin';
import { PASSWORD_HASHER, PasswordHasher } from '../../../src/platform/passwords/password-hasher.port';
import { ApiClient } from '../../support/api-client';
import { codesSentTo } from '../../support/outbox';
import { TestApp } from '../../support/test-app';
import { FACILITATOR_REGIONS, Role } from '../outcomes';

export const PASSWORD = 'sore hari di tepi sungai';

/** A signed-in person: a real account, its login and password, and the access token sign-in gave. */
export interface Identity {
  readonly accountId: string;
  readonly login: string;
  readonly password: string;
  readonly token: string;
}

export type SignedInRole = Exclude<Role, 'anonymous'>;

/** What the admin's role routes take: the role and what binds it (agencies A and B as in test/support/scenario.ts). */
export type Binding =
  | { role: 'official'; agencyId: string }
  | { role: 'facilitator'; regionCode: string }
  | { role: 'auditor' | 'admin' };

/** Officials and facilitators come by invitation, as newcomers do. */
const INVITED: Partial<Record<SignedInRole, Binding>> = {
  facilitator: { role: 'facilitator', regionCode: FACILITATOR_REGIONS.facilitator },
  otherFacilitator: { role: 'facilitator', regionCode: FACILITATOR_REGIONS.otherFacilitator },
  official: { role: 'official', agencyId: 'dinas-pupr' },
  otherOfficial: { role: 'official', agencyId: 'dinas-perhubungan' },
};

/** Auditors (who have no invitation) and further admins register as citizens and are granted the role. */
const GRANTED: Partial<Record<SignedInRole, Binding>> = {
  auditor: { role: 'auditor' },
  admin: { role: 'admin' },
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
  otherFacilitator: 'fasilitator@kim-pangkalan-bun.id',
  official: 'petugas@pupr.katingan.go.id',
  otherOfficial: 'petugas@dishub.katingan.go.id',
  auditor: 'auditor@inspektorat.katingan.go.id',
  admin: 'admin@katingan.go.id',
};

const subjectOf = (token: string): string =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

/**
 * Real accounts for the columns, made as people get them: citizens register and confirm by code; the first
 * admin comes from admin:create's createFirstAdmin; that admin invites officials and facilitators
 * (POST /api/invitations, accepted with the code from the outbox) and grants the auditor and further admins
 * their role (PUT /api/accounts/{accountId}/role).
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
    const invited = INVITED[role];
    if (invited) return this.accepted(login, invited);
    const citizen = await this.registered(login);
    const granted = GRANTED[role];
    return granted ? this.granted(citizen, granted) : citizen;
  }

  /** The admin invites the login; returns the invitation's id and the code the outbox holds for it. */
  async invite(login: string, binding: Binding): Promise<{ invitationId: string; code: string }> {
    const body = { email: login, displayName: 'Petugas Katingan', ...binding };
    const sent = this.api.send('POST', '/api/invitations', { body, token: this.admin.token });
    const { invitationId } = await expectStatus(sent, 201);
    return { invitationId, code: latestCode(this.running.config.dataDir, login) };
  }

  /** The admin grants an account a role; the next token carries it. */
  async grant(accountId: string, binding: Binding): Promise<void> {
    const path = `/api/accounts/${accountId}/role`;
    await expectStatus(this.api.send('PUT', path, { body: binding, token: this.admin.token }), 200);
  }

  private async registered(login: string): Promise<Identity> {
    await confirm(this.api, login, await register(this.api, this.running.config.dataDir, login));
    const { accessToken } = await signIn(this.api, login);
    return { accountId: subjectOf(accessToken), login, password: PASSWORD, token: accessToken };
  }

  /** Invited, then accepted with the code and a password: accepting signs the invitee in. */
  private async accepted(login: string, binding: Binding): Promise<Identity> {
    const { code } = await this.invite(login, binding);
    const body = { login, code, password: PASSWORD };
    const session = await expectStatus(this.api.send('POST', '/api/invitations/acceptances', { body }), 201);
    const token = session.accessToken;
    return { accountId: subjectOf(token), login, password: PASSWORD, token };
  }

  private async granted(citizen: Identity, binding: Binding): Promise<Identity> {
    await this.grant(citizen.accountId, binding);
    return { ...citizen, token: (await signIn(this.api, citizen.login)).accessToken };
  }
}
