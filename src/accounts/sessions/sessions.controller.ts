import { Body, Controller, Delete, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { Public } from '../../platform/auth/public.decorator';
import { CommandContext } from '../../platform/commands/command-context';
import { CommandContexts } from '../../platform/http/command-contexts';
import { ApiProblem, ApiProblems } from '../../platform/http/openapi-responses';
import { RateLimit } from '../../platform/throttling/rate-limit.decorator';
import { ChangePasswordCommand } from '../change-password.handler';
import * as dto from '../dto/account.dto';
import { AccountOutcomeView, SessionTokensView } from '../dto/session.response';
import { EndSessionsCommand } from './end-sessions.handler';
import { RefreshSessionCommand, SignOutCommand } from './refresh-session.handler';
import { SignInCommand } from './sign-in.handler';
import { SessionTokens } from './session-tokens';

const REFRESH_REFUSED =
  'The refresh token is unknown, spent or its session ended (`refresh_token_reused` ends the session)';

/** Account commands take no Idempotency-Key: their digests cover no body (see askedAbout). */
const contextOf = (contexts: CommandContexts, req: AuthenticatedRequest): CommandContext => ({
  ...contexts.of(req),
  idempotencyKey: undefined,
});

/** Sign-in, token rotation and sign-out. */
@ApiTags('sessions')
@Controller('api/sessions')
export class SessionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiResponse({ status: 201, type: SessionTokensView, description: 'Signed in: a new session' })
  @ApiProblem(401, 'The login or password is not correct (`invalid_credentials`, for both alike)')
  @ApiProblems(400, 409, 413, 415)
  @RateLimit('signIn')
  signIn(@Body() body: dto.SignInDto, @Req() request: AuthenticatedRequest): Promise<SessionTokens> {
    return this.commands.execute(new SignInCommand(body.login, body.password, request.ip));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: SessionTokensView, description: 'A new pair; the one sent is spent' })
  @ApiProblem(401, REFRESH_REFUSED)
  @ApiProblems(400, 409, 413, 415)
  refresh(@Body() body: dto.RefreshTokenDto): Promise<SessionTokens> {
    return this.commands.execute(new RefreshSessionCommand(body.refreshToken));
  }

  /** The refresh token names the session, so signing out works even after the access token expired. */
  @Public()
  @Delete('current')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    type: AccountOutcomeView,
    description: 'Signed out: this session’s refresh token no longer works',
  })
  @ApiProblem(401, REFRESH_REFUSED)
  @ApiProblems(400, 409, 413, 415)
  async signOut(@Body() body: dto.RefreshTokenDto): Promise<AccountOutcomeView> {
    await this.commands.execute(new SignOutCommand(body.refreshToken));
    return { status: 'signed_out' };
  }

  @Delete()
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    type: AccountOutcomeView,
    description: 'Signed out everywhere: every refresh token stops working',
  })
  @ApiProblems(400, 403, 404, 409)
  async signOutEverywhere(@Req() req: AuthenticatedRequest): Promise<AccountOutcomeView> {
    await this.commands.execute(new EndSessionsCommand(contextOf(this.contexts, req)));
    return { status: 'signed_out' };
  }
}

/** The signed-in person's own account. */
@ApiTags('accounts')
@Controller('api/me')
export class MyAccountController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post('password')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    type: SessionTokensView,
    description: 'Changed: every other session has ended; this new one continues here',
  })
  @ApiProblems(400, 403, 404, 409, 413, 415)
  changePassword(
    @Req() req: AuthenticatedRequest,
    @Body() body: dto.ChangePasswordDto,
  ): Promise<SessionTokens> {
    const command = new ChangePasswordCommand(
      contextOf(this.contexts, req),
      body.currentPassword,
      body.newPassword,
    );
    return this.commands.execute(command);
  }
}
