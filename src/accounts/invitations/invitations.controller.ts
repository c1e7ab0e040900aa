import { Body, Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { Public } from '../../platform/auth/public.decorator';
import { CommandContext } from '../../platform/commands/command-context';
import { DomainError, invalid } from '../../platform/domain/domain-errors';
import { CommandContexts } from '../../platform/http/command-contexts';
import { UuidParam } from '../../platform/http/id.pipe';
import { ApiProblem, ApiProblems } from '../../platform/http/openapi-responses';
import { RateLimit } from '../../platform/throttling/rate-limit.decorator';
import { registrationLogin } from '../accounts.controller';
import { enteredLogin, Login } from '../domain/login';
import * as dto from '../dto/invitation.dto';
import { InvitationView } from '../dto/invitation.response';
import { SessionTokensView } from '../dto/session.response';
import { SessionTokens } from '../sessions/session-tokens';
import { AcceptInvitationCommand } from './accept-invitation.handler';
import { InviteCommand } from './invite.handler';
import { ReissueInvitationCommand, WithdrawInvitationCommand } from './manage-invitation.handler';

const INVITATION_ID = new UuidParam('invitationId');

/** The login as typed, normalised; a problem names `login`, the field that was sent. */
function loginField(entered: string): Login {
  try {
    return enteredLogin(entered);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw invalid(error.code, error.message, 'login');
  }
}

/** Like every account route: no Idempotency-Key (the digests cover no body); retries are safe by design. */
const contextOf = (contexts: CommandContexts, req: AuthenticatedRequest): CommandContext => ({
  ...contexts.of(req),
  idempotencyKey: undefined,
});

/** Admins invite officials and facilitators; the invitee accepts with the code sent to them. */
@ApiTags('invitations')
@Controller('api/invitations')
export class InvitationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    type: InvitationView,
    description:
      'Invited: a code valid for a week is on its way (the same invitation sent again sends nothing)',
  })
  @ApiProblem(403, 'Only an admin invites (`admin_only`)')
  @ApiProblem(404, 'The agency is not registered (`agency_not_found`)')
  @ApiProblem(
    409,
    'The login already has an account (`login_has_account`: grant it the role instead) or another invitation ' +
      '(`invitation_pending`)',
  )
  @ApiProblems(400, 413, 415)
  // Admins only, so the commands bucket is enough: codeSending's 5 per 10 minutes would stall a roll-out.
  invite(@Req() req: AuthenticatedRequest, @Body() body: dto.InviteDto): Promise<InvitationView> {
    const { login } = registrationLogin(body);
    return this.commands.execute(new InviteCommand(contextOf(this.contexts, req), login, body));
  }

  @Post(':invitationId/codes')
  @HttpCode(202)
  @ApiResponse({ status: 202, type: InvitationView, description: 'A new code, valid a week, is on its way' })
  @ApiProblem(403, 'Only an admin sends invitations (`admin_only`)')
  @ApiProblem(404, 'No such invitation, or it was withdrawn (`invitation_not_found`)')
  @ApiProblem(409, 'The invitation was already accepted (`invitation_already_accepted`)')
  @ApiProblems(400)
  reissue(
    @Req() req: AuthenticatedRequest,
    @Param('invitationId', INVITATION_ID) invitationId: string,
  ): Promise<InvitationView> {
    return this.commands.execute(new ReissueInvitationCommand(contextOf(this.contexts, req), invitationId));
  }

  @Delete(':invitationId')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    type: InvitationView,
    description: 'Withdrawn: the code stops working, the login is free',
  })
  @ApiProblem(403, 'Only an admin withdraws invitations (`admin_only`)')
  @ApiProblem(404, 'No such invitation (`invitation_not_found`)')
  @ApiProblem(409, 'The invitation was already accepted (`invitation_already_accepted`)')
  @ApiProblems(400)
  withdraw(
    @Req() req: AuthenticatedRequest,
    @Param('invitationId', INVITATION_ID) invitationId: string,
  ): Promise<InvitationView> {
    return this.commands.execute(new WithdrawInvitationCommand(contextOf(this.contexts, req), invitationId));
  }

  @Public()
  @Post('acceptances')
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    type: SessionTokensView,
    description: 'Accepted: the account is active in its role, and signed in (a new session)',
  })
  @ApiProblem(400, 'The body breaks its schema, the password its rules, or the code is wrong (`wrong_code`)')
  @ApiProblem(404, 'No invitation waits for this login (`invitation_not_found`)')
  @ApiProblem(
    409,
    'The code expired (`code_expired`) or is locked (`code_locked`): ask the admin to send it again; or the ' +
      'invitation was already accepted (`invitation_already_accepted`)',
  )
  @ApiProblems(413, 415)
  @RateLimit('signIn')
  accept(@Body() body: dto.AcceptInvitationDto): Promise<SessionTokens> {
    const login = loginField(body.login);
    return this.commands.execute(new AcceptInvitationCommand(login, body.login, body.code, body.password));
  }
}
