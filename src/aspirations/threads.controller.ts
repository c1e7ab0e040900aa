import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { Public } from '../platform/auth/public.decorator';
import { CLOCK, Clock } from '../platform/clock';
import { agencyOfOfficial } from '../platform/domain/decider';
import { forbidden } from '../platform/domain/domain-errors';
import { UuidParam } from '../platform/http/id.pipe';
import { ApiRead } from '../platform/http/openapi-responses';
import { AspirationDetailView, StatisticsView, ThreadPageView } from './dto/thread.response';
import { asOfIn, ThreadDetailDto } from './history/as-of.query-dto';
import { GetThreadAsOf } from './history/get-thread-as-of.handler';
import { GetThread } from './queries/get-thread.handler';
import { ListThreads } from './queries/list-threads.handler';
import { ListThreadsDto, PageDto, StatisticsDto } from './queries/list-threads.query-dto';
import { GetStatistics } from './queries/statistics.handler';
import { regionScope } from './queries/thread-filters';
import { UnauthorizedException } from '@nestjs/common';

/** The read side: threads, inboxes, "my threads" and statistics, all from the read models. */
@ApiTags('threads')
@Controller('api')
export class ThreadsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Get('aspirations')
  @ApiRead(ThreadPageView)
  list(@Req() req: AuthenticatedRequest, @Query() query: ListThreadsDto) {
    return this.queries.execute(new ListThreads(query, req.actor, this.clock.now()));
  }

  /** The thread now, or (time travel) as it was at asOfPosition or asOfTime. */
  @Public()
  @Get('aspirations/:id')
  @ApiRead(AspirationDetailView, 404, 503)
  detail(
    @Req() req: AuthenticatedRequest,
    @Param('id', new UuidParam('id')) id: string,
    @Query() query: ThreadDetailDto,
  ) {
    const asOf = asOfIn(query);
    return this.queries.execute(
      asOf
        ? new GetThreadAsOf(id, req.actor, asOf, query.minPosition)
        : new GetThread(id, req.actor, this.clock.now(), query.minPosition),
    );
  }

  @Get('me/aspirations')
  @ApiRead(ThreadPageView)
  mine(@Req() req: AuthenticatedRequest, @Query() query: PageDto) {
    if (!req.actor) throw new UnauthorizedException('A bearer token is required');
    return this.queries.execute(
      new ListThreads(query, req.actor, this.clock.now(), { submittedBy: req.actor.id }),
    );
  }

  /** An agency's open items, the most urgent first: for its officials, facilitators and auditors. */
  @Get('agencies/:agencyId/inbox')
  @ApiRead(ThreadPageView, 403)
  inbox(@Req() req: AuthenticatedRequest, @Param('agencyId') agencyId: string, @Query() query: PageDto) {
    const actor = req.actor!;
    const allowed =
      actor.role === 'facilitator' || actor.role === 'auditor' || agencyOfOfficial(actor.role) === agencyId;
    if (!allowed)
      throw forbidden(
        'inbox_not_yours',
        `Only officials of ${agencyId}, facilitators and auditors read its inbox`,
      );
    const scoped = { ...query, sort: 'due' as const };
    // A facilitator bound to a region reads the inbox's items of that region only.
    const scope = { agencyId, status: 'in_progress', ...regionScope(actor) };
    return this.queries.execute(new ListThreads(scoped, actor, this.clock.now(), scope));
  }

  @Public()
  @Get('statistics')
  @ApiRead(StatisticsView)
  statistics(@Query() query: StatisticsDto) {
    return this.queries.execute(new GetStatistics(query));
  }
}
