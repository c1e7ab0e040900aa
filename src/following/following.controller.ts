import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AspirationCommandResponseView } from '../aspirations/dto/aspiration.response';
import { EmptyDto } from '../aspirations/dto/aspiration.dto';
import { PageDto } from '../aspirations/queries/list-threads.query-dto';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { CommandContexts } from '../platform/http/command-contexts';
import { CommandResponse } from '../platform/http/command-response';
import { UuidParam } from '../platform/http/id.pipe';
import { ApiCommand, ApiRead } from '../platform/http/openapi-responses';
import { ExecuteFollowCommand } from './follow-command.handler';
import { FollowPageView } from './follows.response';
import { ListFollows } from './queries/list-follows.handler';

const Id = () => Param('id', new UuidParam('id'));

/** Following a thread: its notifications then reach the follower. Translates requests into commands, nothing more. */
@ApiTags('following')
@Controller('api')
export class FollowingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post('aspirations/:id/follow')
  @HttpCode(201)
  @ApiCommand(201, AspirationCommandResponseView)
  follow(
    @Req() req: AuthenticatedRequest,
    @Id() id: string,
    @Body() _body: EmptyDto,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ExecuteFollowCommand(id, 'FollowAspiration', this.contexts.of(req)));
  }

  @Delete('aspirations/:id/follow')
  @HttpCode(200)
  @ApiCommand(200, AspirationCommandResponseView)
  unfollow(@Req() req: AuthenticatedRequest, @Id() id: string): Promise<CommandResponse> {
    return this.commands.execute(new ExecuteFollowCommand(id, 'UnfollowAspiration', this.contexts.of(req)));
  }

  @Get('me/follows')
  @ApiRead(FollowPageView)
  follows(@Req() req: AuthenticatedRequest, @Query() query: PageDto) {
    return this.queries.execute(new ListFollows(this.contexts.of(req).actor.id, query));
  }
}
