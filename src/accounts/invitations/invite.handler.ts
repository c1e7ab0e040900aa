import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, metadataOf } from '../../platform/commands/command-context';
import { newId } from '../../platform/ids';
import { REGIONS } from '../../reference-data/reference-data.module';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { AccountRecords, FoundAccount } from '../account-records';
import { accountDecider } from '../domain/account.decider';
import { accountErrors } from '../domain/account.errors';
import { requireAdmin } from '../domain/account.guards';
import { Login } from '../domain/login';
import { codeDigest } from '../domain/one-time-code';
import { validDisplayName } from '../domain/registration.decide';
import { InviteDto } from '../dto/invitation.dto';
import { InvitationView } from '../dto/invitation.response';
import { newCode } from '../one-time-codes';
import { Binding, bindingOf } from '../roles/role-binding';
import { InvitationCodes, invitationView } from './invitation-codes';

export class InviteCommand extends BusCommand<InvitationView> {
  constructor(
    readonly context: CommandContext,
    readonly login: Login,
    readonly body: InviteDto,
  ) {
    super();
  }
}

/**
 * Reserves the login, writes the invited account and sends the code. A login that already has an account
 * answers 409 naming it (grant the role there instead); the same invitation sent again answers as the first
 * did, sending nothing (a new code is POST /api/invitations/{id}/codes).
 */
@CommandHandler(InviteCommand)
export class InviteHandler implements ICommandHandler<InviteCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly codes: InvitationCodes,
    @Inject(REGIONS) private readonly regions: RegionCatalogue,
  ) {}

  async execute({ context, login, body }: InviteCommand): Promise<InvitationView> {
    // Before any lookup: only an admin may learn whether a login has an account.
    requireAdmin(metadataOf(context), 'invite');
    const binding = await bindingOf(body, this.records.log, this.regions);
    const holder = await this.records.holderOf(login);
    if (holder && holder.state.status !== 'none') return sameInvitation(holder, body.displayName, binding);
    // A reservation whose account was never written (a failed second append) is completed under its id.
    const accountId = holder?.accountId ?? newId();
    const code = newCode();
    const data = {
      accountId,
      login,
      displayName: body.displayName,
      ...binding,
      codeHash: codeDigest(accountId, code),
    };
    const command = { type: 'InviteAccount', data, metadata: metadataOf(context) } as const;
    // The decider is pure: a dry run refuses a bad name or binding now, before the login is reserved.
    accountDecider.decide(command, accountDecider.initialState);
    await this.records.reserveLogin(login, accountId, context);
    const { position } = await this.records.decide(accountId, command, context);
    const invited = await this.records.stateOf(accountId);
    if (invited.status !== 'invited') throw accountErrors.invitationNotFound();
    await this.codes.send(invited, code, position);
    return invitationView(invited);
  }
}

/** The login's holder: the very same invitation (a retry) answers as before; anything else is a conflict. */
function sameInvitation(
  { accountId, state }: FoundAccount,
  displayName: string,
  binding: Binding,
): InvitationView {
  if (state.status === 'pending' || state.status === 'active') throw accountErrors.loginHasAccount(accountId);
  if (state.status !== 'invited') throw accountErrors.loginTaken();
  const same =
    state.role === binding.role &&
    state.regionCode === binding.regionCode &&
    state.displayName === validDisplayName(displayName);
  if (!same) throw accountErrors.loginInvited(accountId);
  return invitationView(state);
}
