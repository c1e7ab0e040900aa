import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { EmptyDto } from '../../aspirations/dto/aspiration.dto';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { createdIdFor } from '../../platform/ids';
import { CommandContexts } from '../../platform/http/command-contexts';
import { UuidParam } from '../../platform/http/id.pipe';
import { ApiCommand } from '../../platform/http/openapi-responses';
import { GroupDraftDto } from '../dto/group.dto';
import { DraftCommandResponseView } from '../dto/group.response';
import { DraftCommandResponse, SignDraft, StartDraft } from './draft-commands.handler';

const Id = () => Param('id', new UuidParam('id'));

/** Group aspirations: a member drafts, others co-sign, the threshold submits it. Translation only. */
@ApiTags('groups')
@Controller('api/groups/:id/drafts')
export class GroupDraftsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  /** The drafting is the drafter's signature; with a threshold of one the aspiration is submitted at once. */
  @Post()
  @HttpCode(201)
  @ApiCommand(201, DraftCommandResponseView)
  start(
    @Req() req: AuthenticatedRequest,
    @Id() groupId: string,
    @Body() body: GroupDraftDto,
  ): Promise<DraftCommandResponse> {
    const context = this.contexts.of(req);
    const draftId = createdIdFor('group-draft', context.actor.id, context.idempotencyKey);
    return this.commands.execute(new StartDraft(groupId, draftId, { ...body }, context, body));
  }

  /** The signature that reaches the group's threshold submits the draft as the group's aspiration. */
  @Post(':draftId/signatures')
  @HttpCode(201)
  @ApiCommand(201, DraftCommandResponseView)
  sign(
    @Req() req: AuthenticatedRequest,
    @Id() groupId: string,
    @Param('draftId', new UuidParam('draftId')) draftId: string,
    @Body() _body: EmptyDto,
  ): Promise<DraftCommandResponse> {
    return this.commands.execute(new SignDraft(groupId, draftId, this.contexts.of(req)));
  }
}
