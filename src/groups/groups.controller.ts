import { Body, Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { EmptyDto, ReasonDto } from '../aspirations/dto/aspiration.dto';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { createdIdFor } from '../platform/ids';
import { CommandContexts } from '../platform/http/command-contexts';
import { CommandResponse } from '../platform/http/command-response';
import { UuidParam } from '../platform/http/id.pipe';
import { ApiCommand } from '../platform/http/openapi-responses';
import { GroupCommand } from './domain/group.commands';
import { FoundGroupDto } from './dto/group.dto';
import { GroupCommandResponseView } from './dto/group.response';
import { ExecuteGroupCommand } from './group-command.handler';
import { MemberKeyParam } from './member-key.pipe';

type Data<T extends GroupCommand['type']> = Extract<GroupCommand, { type: T }>['data'];

const Id = () => Param('id', new UuidParam('id'));
const Key = () => Param('memberKey', new MemberKeyParam());

/** The group API's commands: one POST per verb. Translates requests into commands, nothing more. */
@ApiTags('groups')
@Controller('api/groups')
export class GroupsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  private send<T extends GroupCommand['type']>(
    req: AuthenticatedRequest,
    groupId: string | undefined,
    type: T,
    data: Data<T> | ((groupId: string) => Data<T>),
    body: unknown,
  ): Promise<CommandResponse> {
    const context = this.contexts.of(req);
    // A new group's id derives from (actor, Idempotency-Key): a retry founds the same group.
    const id = groupId ?? createdIdFor('group', context.actor.id, context.idempotencyKey);
    const resolved = typeof data === 'function' ? data(id) : data;
    return this.commands.execute(new ExecuteGroupCommand(id, type, resolved, context, body));
  }

  /** A facilitator founds a group in their region; a citizen proposes one for its facilitators to approve. */
  @Post()
  @HttpCode(201)
  @ApiCommand(201, GroupCommandResponseView)
  found(@Req() req: AuthenticatedRequest, @Body() body: FoundGroupDto) {
    return this.send(req, undefined, 'FoundGroup', (groupId) => ({ groupId, ...body }), body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiCommand(200, GroupCommandResponseView)
  approve(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: EmptyDto) {
    return this.send(req, id, 'ApproveGroup', {}, body);
  }

  /** Joins an open group at once; asks to join a closed one. */
  @Post(':id/join')
  @HttpCode(200)
  @ApiCommand(200, GroupCommandResponseView)
  join(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: EmptyDto) {
    return this.send(req, id, 'JoinGroup', {}, body);
  }

  /** Leaves the group, or withdraws a request to join it. */
  @Post(':id/leave')
  @HttpCode(200)
  @ApiCommand(200, GroupCommandResponseView)
  leave(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: EmptyDto) {
    return this.send(req, id, 'LeaveGroup', {}, body);
  }

  @Post(':id/join-requests/:memberKey/approve')
  @HttpCode(200)
  @ApiCommand(200, GroupCommandResponseView)
  approveJoin(
    @Req() req: AuthenticatedRequest,
    @Id() id: string,
    @Key() memberKey: string,
    @Body() _: EmptyDto,
  ) {
    return this.send(req, id, 'ApproveJoinRequest', { memberKey }, { memberKey });
  }

  @Post(':id/join-requests/:memberKey/decline')
  @HttpCode(200)
  @ApiCommand(200, GroupCommandResponseView)
  declineJoin(
    @Req() req: AuthenticatedRequest,
    @Id() id: string,
    @Key() memberKey: string,
    @Body() _: EmptyDto,
  ) {
    return this.send(req, id, 'DeclineJoinRequest', { memberKey }, { memberKey });
  }

  @Post(':id/coordinators/:memberKey')
  @HttpCode(200)
  @ApiCommand(200, GroupCommandResponseView)
  appoint(@Req() req: AuthenticatedRequest, @Id() id: string, @Key() memberKey: string, @Body() _: EmptyDto) {
    return this.send(req, id, 'AppointCoordinator', { memberKey }, { memberKey });
  }

  @Delete(':id/coordinators/:memberKey')
  @HttpCode(200)
  @ApiCommand(200, GroupCommandResponseView)
  removeCoordinator(@Req() req: AuthenticatedRequest, @Id() id: string, @Key() memberKey: string) {
    return this.send(req, id, 'RemoveCoordinator', { memberKey }, { memberKey, removed: true });
  }

  /** The region's facilitator dissolves a group (or declines a proposal); its history stays readable. */
  @Post(':id/dissolve')
  @HttpCode(200)
  @ApiCommand(200, GroupCommandResponseView)
  dissolve(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: ReasonDto) {
    return this.send(req, id, 'DissolveGroup', { reason: body.reason }, body);
  }
}
