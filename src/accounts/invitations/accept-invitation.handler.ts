import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataOf } from '../../platform/commands/command-context';
import { PASSWORD_HASHER, PasswordHasher } from '../../platform/passwords/password-hasher.port';
import { acceptablePassword } from '../../platform/passwords/password-policy';
import { AccountRecords } from '../account-records';
import { accountErrors } from '../domain/account.errors';
import { InvitedAccount } from '../domain/account.state';
import { Login, loginSpellings } from '../domain/login';
import { codeDigest, MAX_CODE_ATTEMPTS } from '../domain/one-time-code';
import { AgencyRoster } from '../roles/agency-roster';
import { SessionIssuer, SessionTokens } from '../sessions/session-tokens';

export class AcceptInvitationCommand extends BusCommand<SessionTokens> {
  constructor(
    readonly login: Login,
    /** As typed: the password may not be any spelling of it either. */
    readonly entered: string,
    readonly code: string,
    readonly password: string,
  ) {
    super();
  }
}

/**
 * The invitee enters the code and a password: the account is active in its role, signed in at once. An
 * official joins the agency's list on the inviting admin's authority, with a command id derived from the
 * invitation, so that a retry never adds them twice. A wrong code is recorded first, so that it counts.
 */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly sessions: SessionIssuer,
    private readonly roster: AgencyRoster,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute({ login, entered, code, password }: AcceptInvitationCommand): Promise<SessionTokens> {
    const acceptable = acceptablePassword(password, [entered, ...loginSpellings(login)]);
    const holder = await this.records.holderOf(login);
    if (!holder) throw accountErrors.invitationNotFound();
    const { accountId, state: before } = holder;
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = {
      accountId,
      codeHash: codeDigest(accountId, code),
      passwordHash: await this.hasher.hash(acceptable),
    };
    const command = { type: 'AcceptInvitation', data, metadata: metadataOf(context) } as const;
    await this.records.decide(accountId, command, context);
    const after = await this.records.stateOf(accountId);
    if (after.status === 'invited') throw accountErrors.wrongCode(MAX_CODE_ATTEMPTS - after.code.attempts);
    if (after.status !== 'active') throw accountErrors.invitationNotFound();
    await this.joinRoster(before as InvitedAccount, context.now, context.correlationId);
    return this.sessions.start(after);
  }

  private joinRoster(invitation: InvitedAccount, now: Date, correlationId: string): Promise<void> {
    const { accountId, displayName, role, invitedBy } = invitation;
    const change = {
      accountId,
      displayName,
      from: 'citizen' as const,
      to: role,
      cause: `invitation:${accountId}`,
    };
    return this.roster.follow(change, { actor: { id: invitedBy, role: 'admin' }, now, correlationId });
  }
}
