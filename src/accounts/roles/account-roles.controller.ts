import { Body, Controller, Delete, HttpCode, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { CommandContext } from '../../platform/commands/command-context';
import { CommandContexts } from '../../platform/http/command-contexts';
import { UuidParam } from '../../platform/http/id.pipe';
import { ApiProblem, ApiProblems } from '../../platform/http/openapi-responses';
import { RoleBindingDto } from '../dto/invitation.dto';
import { AccountRoleView } from '../dto/invitation.response';
import { GrantRoleCommand, RevokeRoleCommand } from './role-changes.handler';

const ACCOUNT_ID = new UuidParam('accountId');

const contextOf = (contexts: CommandContexts, req: AuthenticatedRequest): CommandContext => ({
  ...contexts.of(req),
  idempotencyKey: undefined,
});

const NOT_ACTIVE =
  'The account is not confirmed yet (`account_not_confirmed`) or its invitation is not accepted yet ' +
  '(`invitation_pending`)';

/** Admins grant and revoke roles on existing accounts; the next token carries the change. */
@ApiTags('accounts')
@Controller('api/accounts')
export class AccountRolesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Put(':accountId/role')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    type: AccountRoleView,
    description: 'The account holds this role now (granting the role held changes nothing)',
  })
  @ApiProblem(403, 'Only an admin grants roles (`admin_only`), and never to themselves (`own_role`)')
  @ApiProblem(404, 'No such account (`account_not_found`) or agency (`agency_not_found`)')
  @ApiProblem(409, NOT_ACTIVE)
  @ApiProblems(400, 413, 415)
  grant(
    @Req() req: AuthenticatedRequest,
    @Param('accountId', ACCOUNT_ID) accountId: string,
    @Body() body: RoleBindingDto,
  ): Promise<AccountRoleView> {
    return this.commands.execute(new GrantRoleCommand(contextOf(this.contexts, req), accountId, body));
  }

  @Delete(':accountId/role')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: AccountRoleView, description: 'The account is a citizen again' })
  @ApiProblem(403, 'Only an admin revokes roles (`admin_only`), and never their own (`own_role`)')
  @ApiProblem(404, 'No such account (`account_not_found`)')
  @ApiProblem(409, `${NOT_ACTIVE}, or it holds no role but citizen (\`no_role_held\`)`)
  @ApiProblems(400)
  revoke(
    @Req() req: AuthenticatedRequest,
    @Param('accountId', ACCOUNT_ID) accountId: string,
  ): Promise<AccountRoleView> {
    return this.commands.execute(new RevokeRoleCommand(contextOf(this.contexts, req), accountId));
  }
}
