import { Body, Controller, Delete, HttpCode, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { CommandContexts } from '../../platform/http/command-contexts';
import { ApiProblem, ApiProblems } from '../../platform/http/openapi-responses';
import { EraseAccountDto, ErasurePendingView } from './erase-account.dto';
import { EraseAccountCommand } from './erase-account.handler';

/** The signed-in person erases their own account (right to erasure, UU 27/2022). */
@ApiTags('accounts')
@Controller('api/me')
export class ErasureController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Delete()
  @HttpCode(204)
  @ApiResponse({
    status: 204,
    description:
      'Erased: the key of the person’s personal data is destroyed and every view shows them as erased',
  })
  @ApiResponse({
    status: 202,
    type: ErasurePendingView,
    description:
      'Erased and signed out for good; the read models had not caught up yet, so the platform finishes the rest ' +
      '(the key, the copies) in the background',
  })
  @ApiProblem(403, 'The password is not correct (`wrong_password`)')
  @ApiProblem(404, 'The token’s actor has no account, or it was erased already (`account_not_found`)')
  @ApiProblem(
    409,
    'An admin: another admin revokes the role first (`admin_role_held`); or the person is erased (`person_erased`)',
  )
  @ApiProblems(400, 413, 415)
  async erase(
    @Req() req: AuthenticatedRequest,
    @Body() body: EraseAccountDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ErasurePendingView | undefined> {
    // Account commands take no Idempotency-Key: a repeat finds the account erased (404).
    const context = { ...this.contexts.of(req), idempotencyKey: undefined };
    const completed = await this.commands.execute(new EraseAccountCommand(context, body.password, req.ip));
    if (completed) return undefined;
    void reply.status(202);
    return { status: 'completing' };
  }
}
