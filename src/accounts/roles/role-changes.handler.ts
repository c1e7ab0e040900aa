import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, metadataOf } from '../../platform/commands/command-context';
import { positionToString } from '../../platform/event-store/stored-event';
import { REGIONS } from '../../reference-data/reference-data.module';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { AccountRecords } from '../account-records';
import { accountErrors } from '../domain/account.errors';
import { requireAdmin } from '../domain/account.guards';
import { ActiveAccount, regionOf } from '../domain/account.state';
import { RoleBindingDto } from '../dto/invitation.dto';
import { AccountRoleView } from '../dto/invitation.response';
import { AgencyRoster } from './agency-roster';
import { bindingOf } from './role-binding';

export class GrantRoleCommand extends BusCommand<AccountRoleView> {
  constructor(
    readonly context: CommandContext,
    readonly accountId: string,
    readonly binding: RoleBindingDto,
  ) {
    super();
  }
}

export class RevokeRoleCommand extends BusCommand<AccountRoleView> {
  constructor(
    readonly context: CommandContext,
    readonly accountId: string,
  ) {
    super();
  }
}

const viewOf = (account: ActiveAccount, position: bigint | undefined): AccountRoleView => ({
  accountId: account.accountId,
  role: account.role,
  ...regionOf(account),
  position: position === undefined ? null : positionToString(position),
});

/** Grants a role (replacing the one held); an official's agency list follows. Admins only. */
@CommandHandler(GrantRoleCommand)
export class GrantRoleHandler implements ICommandHandler<GrantRoleCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly roster: AgencyRoster,
    @Inject(REGIONS) private readonly regions: RegionCatalogue,
  ) {}

  async execute({ context, accountId, binding }: GrantRoleCommand): Promise<AccountRoleView> {
    // 403 before anything is looked up, so that a non-admin learns nothing about agencies or accounts.
    requireAdmin(metadataOf(context), 'grant roles');
    const bound = await bindingOf(binding, this.records.log, this.regions);
    const before = await this.records.stateOf(accountId);
    const command = {
      type: 'GrantRole',
      data: { accountId, ...bound },
      metadata: metadataOf(context),
    } as const;
    const { position } = await this.records.decide(accountId, command, context);
    const after = (await this.records.stateOf(accountId)) as ActiveAccount;
    if (before.status === 'active') {
      const change = { accountId, displayName: after.displayName, from: before.role, to: after.role };
      await this.roster.follow({ ...change, cause: `role:${accountId}:${String(position)}` }, context);
    }
    return viewOf(after, position);
  }
}

/** Back to citizen; an official leaves the agency's list. Admins only. */
@CommandHandler(RevokeRoleCommand)
export class RevokeRoleHandler implements ICommandHandler<RevokeRoleCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly roster: AgencyRoster,
  ) {}

  async execute({ context, accountId }: RevokeRoleCommand): Promise<AccountRoleView> {
    requireAdmin(metadataOf(context), 'revoke roles');
    const before = await this.records.stateOf(accountId);
    // Whatever is held is revoked; an account that is not active is refused by the decider (404 or 409).
    const role = before.status === 'active' ? before.role : 'citizen';
    if (before.status === 'active' && role === 'citizen' && context.actor.id !== accountId)
      throw accountErrors.noRoleHeld();
    const command = { type: 'RevokeRole', data: { accountId, role }, metadata: metadataOf(context) } as const;
    const { position } = await this.records.decide(accountId, command, context);
    const after = (await this.records.stateOf(accountId)) as ActiveAccount;
    const change = { accountId, displayName: after.displayName, from: role, to: after.role };
    await this.roster.follow({ ...change, cause: `role:${accountId}:${String(position)}` }, context);
    return viewOf(after, position);
  }
}
