import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ThreadPageView } from '../aspirations/dto/thread.response';
import { ListThreadsDto, PageDto, ReadPositionDto } from '../aspirations/queries/list-threads.query-dto';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { Public } from '../platform/auth/public.decorator';
import { CLOCK, Clock } from '../platform/clock';
import { CommandContexts } from '../platform/http/command-contexts';
import { UuidParam } from '../platform/http/id.pipe';
import { ApiRead } from '../platform/http/openapi-responses';
import { ListGroupsDto, ListMembersDto } from './dto/group-query.dto';
import {
  DraftPageView,
  GroupDetailView,
  GroupPageView,
  MemberPageView,
  OwnMembershipPageView,
} from './dto/group.response';
import { GetGroup } from './queries/get-group.handler';
import { ListGroupAspirations } from './queries/group-aspirations.handler';
import { ListDrafts } from './queries/list-drafts.handler';
import { ListGroups } from './queries/list-groups.handler';
import { ListMembers } from './queries/list-members.handler';
import { ListMyGroups } from './queries/list-my-groups.handler';

const Id = () => Param('id', new UuidParam('id'));

/** The read side of groups, from the groups read model (and the threads one for their aspirations). */
@ApiTags('groups')
@Controller('api')
export class GroupReadsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Get('groups')
  @ApiRead(GroupPageView)
  list(@Req() req: AuthenticatedRequest, @Query() query: ListGroupsDto) {
    return this.queries.execute(new ListGroups(query, req.actor));
  }

  @Public()
  @Get('groups/:id')
  @ApiRead(GroupDetailView, 404)
  detail(@Req() req: AuthenticatedRequest, @Id() id: string, @Query() query: ReadPositionDto) {
    return this.queries.execute(new GetGroup(id, req.actor, query.minPosition));
  }

  /** Members by the names they go by: for the group's members and the facilitators of its region. */
  @Get('groups/:id/members')
  @ApiRead(MemberPageView, 403, 404)
  members(@Req() req: AuthenticatedRequest, @Id() id: string, @Query() query: ListMembersDto) {
    return this.queries.execute(new ListMembers(id, this.contexts.of(req).actor, query));
  }

  @Get('groups/:id/drafts')
  @ApiRead(DraftPageView, 403, 404)
  drafts(@Req() req: AuthenticatedRequest, @Id() id: string, @Query() query: PageDto) {
    return this.queries.execute(new ListDrafts(id, this.contexts.of(req).actor, query));
  }

  /** The aspirations submitted for the group, as the caller may see them (the list's filters apply). */
  @Public()
  @Get('groups/:id/aspirations')
  @ApiRead(ThreadPageView, 404)
  aspirations(@Req() req: AuthenticatedRequest, @Id() id: string, @Query() query: ListThreadsDto) {
    return this.queries.execute(new ListGroupAspirations(id, query, req.actor, this.clock.now()));
  }

  @Get('me/groups')
  @ApiRead(OwnMembershipPageView)
  mine(@Req() req: AuthenticatedRequest, @Query() query: PageDto) {
    return this.queries.execute(new ListMyGroups(this.contexts.of(req).actor.id, query));
  }
}
