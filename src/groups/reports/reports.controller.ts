import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { PageDto, ReadPositionDto } from '../../aspirations/queries/list-threads.query-dto';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { Public } from '../../platform/auth/public.decorator';
import { CLOCK, Clock } from '../../platform/clock';
import { createdIdFor } from '../../platform/ids';
import { CommandContexts } from '../../platform/http/command-contexts';
import { UuidParam } from '../../platform/http/id.pipe';
import { ApiCommand, ApiRead } from '../../platform/http/openapi-responses';
import { CommentDto, RaiseReportDto, RecordReportDto } from '../dto/report.dto';
import {
  FeedPageView,
  RaiseReportResponseView,
  ReportCommandResponseView,
  ReportDetailView,
  ReportPageView,
} from '../dto/report.response';
import { GetGroupFeed } from '../queries/group-feed.handler';
import { GetReport, ListReports } from '../queries/reports.handler';
import { RaiseReport } from './raise-report.handler';
import { ExecuteReportCommand } from './report-command.handler';

const Id = () => Param('id', new UuidParam('id'));
const ReportId = () => Param('reportId', new UuidParam('reportId'));

/** Monitoring reports of a group and its feed. Translates requests into commands and queries, nothing more. */
@ApiTags('groups')
@Controller('api/groups/:id')
export class ReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A member records what they monitored: its source, a summary, the day, a photo by reference. */
  @Post('reports')
  @HttpCode(201)
  @ApiCommand(201, ReportCommandResponseView)
  record(@Req() req: AuthenticatedRequest, @Id() groupId: string, @Body() body: RecordReportDto) {
    const context = this.contexts.of(req);
    const reportId = createdIdFor('monitoring-report', context.actor.id, context.idempotencyKey);
    const input = { type: 'RecordMonitoringReport' as const, data: { reportId, ...body } };
    return this.commands.execute(new ExecuteReportCommand(groupId, reportId, input, context, body));
  }

  /** The group discusses it: its members and the facilitators of its region. */
  @Post('reports/:reportId/comments')
  @HttpCode(201)
  @ApiCommand(201, ReportCommandResponseView)
  comment(
    @Req() req: AuthenticatedRequest,
    @Id() groupId: string,
    @ReportId() reportId: string,
    @Body() body: CommentDto,
  ) {
    const context = this.contexts.of(req);
    const commentId = createdIdFor('report-comment', context.actor.id, context.idempotencyKey);
    const input = { type: 'CommentOnMonitoringReport' as const, data: { commentId, body: body.body } };
    return this.commands.execute(new ExecuteReportCommand(groupId, reportId, input, context, body));
  }

  /** A member turns it into an aspiration, or a group draft, in one step; both keep the link. */
  @Post('reports/:reportId/aspiration')
  @HttpCode(201)
  @ApiCommand(201, RaiseReportResponseView)
  raise(
    @Req() req: AuthenticatedRequest,
    @Id() groupId: string,
    @ReportId() reportId: string,
    @Body() body: RaiseReportDto,
  ) {
    return this.commands.execute(
      new RaiseReport(groupId, reportId, { ...body }, this.contexts.of(req), body),
    );
  }

  @Get('reports')
  @ApiRead(ReportPageView, 403, 404)
  list(@Req() req: AuthenticatedRequest, @Id() groupId: string, @Query() query: PageDto) {
    return this.queries.execute(new ListReports(groupId, this.contexts.of(req).actor, query));
  }

  @Get('reports/:reportId')
  @ApiRead(ReportDetailView, 403, 404)
  detail(
    @Req() req: AuthenticatedRequest,
    @Id() groupId: string,
    @ReportId() reportId: string,
    @Query() query: ReadPositionDto,
  ) {
    const viewer = this.contexts.of(req).actor;
    return this.queries.execute(new GetReport(groupId, reportId, viewer, query.minPosition));
  }

  /** Its aspirations (as the caller may see each) and, for its members and facilitators, its reports. */
  @Public()
  @Get('feed')
  @ApiRead(FeedPageView, 404)
  feed(@Req() req: AuthenticatedRequest, @Id() groupId: string, @Query() query: PageDto) {
    return this.queries.execute(new GetGroupFeed(groupId, req.actor, this.clock.now(), query));
  }
}
