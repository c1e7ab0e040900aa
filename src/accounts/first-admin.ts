import { commandRequest, metadataOf } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { Actor, Command, Decider, DomainEvent } from '../platform/domain/decider';
import { newId } from '../platform/ids';
import { PasswordHasher } from '../platform/passwords/password-hasher.port';
import { acceptablePassword } from '../platform/passwords/password-policy';
import { AccountRecords, askedAbout } from './account-records';
import { accountDecider } from './domain/account.decider';
import { accountErrors } from './domain/account.errors';
import { accountStream } from './domain/account.streams';
import { FIRST_ADMIN_STREAM, firstAdminDecider } from './domain/first-admin.decide';
import { loginReservationDecider } from './domain/login-reservation.decide';
import { Login, loginSpellings } from './domain/login';
import { codeDigest } from './domain/one-time-code';
import { newCode } from './one-time-codes';

/** Who acts for `npm run admin:create`: the platform itself, the one actor allowed to make the first admin. */
export const ADMIN_CREATE_ACTOR: Actor = { id: 'admin:create', role: 'system' };

export interface FirstAdmin {
  readonly login: Login;
  /** As typed: the password may not be any spelling of it either. */
  readonly entered: string;
  readonly displayName: string;
  readonly password: string;
}

/** Sends commands as the platform, through the one path every command takes (handleCommand). */
function asPlatform(records: AccountRecords, accountId: string) {
  return <C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
  ) => {
    const request = commandRequest(
      stream,
      command,
      records.contextFor(ADMIN_CREATE_ACTOR),
      askedAbout(accountId),
    );
    return handleCommand(records.log, decider, request);
  };
}

/**
 * Claims the data folder's one first admin, then reserves the login, registers, activates and promotes the
 * account, each through its decider. Every refusal (weak password or name, login taken, admin exists) comes
 * before any write; a crash between the claim and the grant leaves the claim (see docs/events.md).
 */
export async function createFirstAdmin(
  records: AccountRecords,
  hasher: PasswordHasher,
  { login, entered, displayName, password }: FirstAdmin,
): Promise<string> {
  const acceptable = acceptablePassword(password, [entered, ...loginSpellings(login)]);
  if (await records.holderOf(login)) throw accountErrors.loginTaken();
  const accountId = newId();
  const metadata = metadataOf(records.contextFor(ADMIN_CREATE_ACTOR));
  // A code no one will ever see: the platform activates the account instead.
  const codeHash = codeDigest(accountId, newCode());
  const data = { accountId, login, displayName, passwordHash: await hasher.hash(acceptable), codeHash };
  const register = { type: 'RegisterAccount', data, metadata } as const;
  // The decider is pure: a dry run refuses a bad name now, before the claim is written.
  accountDecider.decide(register, accountDecider.initialState);
  const act = asPlatform(records, accountId);
  await act(firstAdminDecider, FIRST_ADMIN_STREAM, {
    type: 'ClaimFirstAdmin',
    data: { accountId },
    metadata,
  });
  const reserve = { type: 'ReserveLogin', data: { login, accountId }, metadata } as const;
  await act(loginReservationDecider, records.reservationStream(login), reserve);
  const stream = accountStream(accountId);
  await act(accountDecider, stream, register);
  await act(accountDecider, stream, { type: 'ActivateAccount', data: { accountId }, metadata });
  await act(accountDecider, stream, { type: 'GrantRole', data: { accountId, role: 'admin' }, metadata });
  return accountId;
}
