import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ExecuteEndorsementCommand } from '../endorsements/endorsement-command.handler';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { Public } from '../platform/auth/public.decorator';
import { metadataOf } from '../platform/commands/command-context';
import { createdIdFor } from '../platform/ids';
import { CommandContexts } from '../platform/http/command-contexts';
import { CommandResponse } from '../platform/http/command-response';
import { UuidParam } from '../platform/http/id.pipe';
import { ApiCommand, ApiRead } from '../platform/http/openapi-responses';
import { ExecuteAspirationCommand } from './aspiration-command.handler';
import { AspirationInput } from './aspiration-references';
import * as dto from './dto/aspiration.dto';
import { AspirationCommandResponseView, AspirationHistoryView } from './dto/aspiration.response';
import { GetAspirationHistory } from './history/get-aspiration-history.handler';

type InputData<T extends AspirationInput['type']> = Extract<AspirationInput, { type: T }>['data'];

const Id = () => Param('id', new UuidParam('id'));

/** The aspiration API: one POST per lifecycle verb. Translates requests into commands, nothing more. */
@ApiTags('aspirations')
@Controller('api/aspirations')
export class AspirationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
  ) {}

  /** `target` undefined: the command creates the aspiration, whose id derives from (actor, Idempotency-Key). */
  private async send<T extends AspirationInput['type']>(
    req: AuthenticatedRequest,
    target: string | undefined,
    type: T,
    data: (ids: { aspirationId: string; messageId: string }) => InputData<T>,
    body: unknown,
  ): Promise<CommandResponse & { messageId?: string }> {
    const context = this.contexts.of(req);
    const { id: actorId } = context.actor;
    const id = target ?? createdIdFor('aspiration', actorId, context.idempotencyKey);
    const messageId = createdIdFor('message', actorId, context.idempotencyKey);
    const input = {
      type,
      data: data({ aspirationId: id, messageId }),
      metadata: metadataOf(context),
    } as AspirationInput;
    const response = await this.commands.execute(new ExecuteAspirationCommand(id, input, context, body));
    // A command that adds a message answers with its id, so it can be referred to (e.g. hidden) later.
    return 'messageId' in input.data ? { ...response, messageId: input.data.messageId } : response;
  }

  @Post()
  @HttpCode(201)
  @ApiCommand(201, AspirationCommandResponseView)
  submit(@Req() req: AuthenticatedRequest, @Body() body: dto.SubmitAspirationDto) {
    return this.send(req, undefined, 'SubmitAspiration', (ids) => ({ ...ids, ...body }), body);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  verify(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.EmptyDto) {
    return this.send(req, id, 'VerifyAspiration', () => ({}), body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  reject(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.ReasonDto) {
    return this.send(req, id, 'RejectAspiration', () => ({ reason: body.reason }), body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  assign(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.AssignDto) {
    return this.send(req, id, 'AssignAspiration', () => ({ agencyId: body.agencyId }), body);
  }

  @Post(':id/forward')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  forward(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.ForwardDto) {
    return this.send(req, id, 'ForwardAspiration', () => ({ ...body }), body);
  }

  @Post(':id/responses')
  @HttpCode(201)
  @ApiCommand(201, AspirationCommandResponseView)
  respond(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.MessageDto) {
    return this.send(
      req,
      id,
      'RespondToAspiration',
      ({ messageId }) => ({ messageId, body: body.body }),
      body,
    );
  }

  @Post(':id/replies')
  @HttpCode(201)
  @ApiCommand(201, AspirationCommandResponseView)
  reply(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.MessageDto) {
    return this.send(req, id, 'ReplyToAspiration', ({ messageId }) => ({ messageId, body: body.body }), body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  resolve(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.ResolveDto) {
    return this.send(req, id, 'ResolveAspiration', () => ({ summary: body.summary }), body);
  }

  @Post(':id/rating')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  rate(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.RatingDto) {
    return this.send(req, id, 'RateAspiration', () => ({ ...body }), body);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  reopen(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.ReasonDto) {
    return this.send(req, id, 'ReopenAspiration', () => ({ reason: body.reason }), body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  close(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.EmptyDto) {
    return this.send(req, id, 'CloseAspiration', () => ({}), body);
  }

  @Post(':id/messages/:messageId/hide')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  hide(
    @Req() req: AuthenticatedRequest,
    @Id() id: string,
    @Param('messageId', new UuidParam('messageId')) messageId: string,
    @Body() body: dto.ReasonDto,
  ) {
    return this.send(req, id, 'HideMessage', () => ({ messageId, reason: body.reason }), {
      messageId,
      ...body,
    });
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  escalate(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: dto.EscalateDto) {
    return this.send(req, id, 'EscalateAspiration', () => ({ stage: body.stage, toAgencyId: null }), body);
  }

  @Post(':id/endorsements')
  @HttpCode(201)
  @ApiCommand(201, AspirationCommandResponseView)
  endorse(
    @Req() req: AuthenticatedRequest,
    @Id() id: string,
    @Body() _body: dto.EmptyDto,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ExecuteEndorsementCommand(id, 'EndorseAspiration', this.contexts.of(req)),
    );
  }

  @Delete(':id/endorsements')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  withdrawEndorsement(@Req() req: AuthenticatedRequest, @Id() id: string): Promise<CommandResponse> {
    return this.commands.execute(
      new ExecuteEndorsementCommand(id, 'WithdrawEndorsement', this.contexts.of(req)),
    );
  }

  @Public()
  @Get(':id/history')
  @ApiRead(AspirationHistoryView, 404)
  history(@Req() req: AuthenticatedRequest, @Id() id: string) {
    return this.queries.execute(new GetAspirationHistory(id, req.actor));
  }
}
