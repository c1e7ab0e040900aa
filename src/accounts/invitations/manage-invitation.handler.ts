import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, metadataOf } from '../../platform/commands/command-context';
import { DomainError } from '../../platform/domain/domain-errors';
import { AccountRecords } from '../account-records';
import { accountErrors } from '../domain/account.errors';
import { requireAdmin } from '../domain/account.guards';
import { codeDigest } from '../domain/one-time-code';
import { InvitationView } from '../dto/invitation.response';
import { newCode } from '../one-time-codes';
import { InvitationCodes, invitationView } from './invitation-codes';

export class ReissueInvitationCommand extends BusCommand<InvitationView> {
  constructor(
    readonly context: CommandContext,
    readonly invitationId: string,
  ) {
    super();
  }
}

export class WithdrawInvitationCommand extends BusCommand<InvitationView> {
  constructor(
    readonly context: CommandContext,
    readonly invitationId: string,
  ) {
    super();
  }
}

/** A new code with a fresh week, to the login invited; the old code stops working. Admins only. */
@CommandHandler(ReissueInvitationCommand)
export class ReissueInvitationHandler implements ICommandHandler<ReissueInvitationCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly codes: InvitationCodes,
  ) {}

  async execute({ context, invitationId: accountId }: ReissueInvitationCommand): Promise<InvitationView> {
    requireAdmin(metadataOf(context), 'send invitations');
    const code = newCode();
    const data = { accountId, codeHash: codeDigest(accountId, code) };
    const command = { type: 'ReissueInvitation', data, metadata: metadataOf(context) } as const;
    const { position } = await this.records.decide(accountId, command, context);
    const invited = await this.records.stateOf(accountId);
    if (invited.status !== 'invited') throw accountErrors.invitationNotFound();
    await this.codes.send(invited, code, position);
    return invitationView(invited);
  }
}

/** Withdraws a waiting invitation and frees its login; a retry finishes a release that did not happen. */
@CommandHandler(WithdrawInvitationCommand)
export class WithdrawInvitationHandler implements ICommandHandler<WithdrawInvitationCommand> {
  constructor(private readonly records: AccountRecords) {}

  async execute({ context, invitationId: accountId }: WithdrawInvitationCommand): Promise<InvitationView> {
    requireAdmin(metadataOf(context), 'withdraw invitations');
    const command = {
      type: 'WithdrawInvitation',
      data: { accountId },
      metadata: metadataOf(context),
    } as const;
    await this.records.decide(accountId, command, context);
    const withdrawn = await this.records.stateOf(accountId);
    if (withdrawn.status !== 'withdrawn') throw accountErrors.invitationNotFound();
    try {
      await this.records.releaseLogin(withdrawn.login, accountId, context);
    } catch (error) {
      // Someone else holds the login since: it is not this invitation's to release.
      if (!(error instanceof DomainError && error.code === 'login_not_held')) throw error;
    }
    return { invitationId: accountId, status: 'withdrawn' };
  }
}
