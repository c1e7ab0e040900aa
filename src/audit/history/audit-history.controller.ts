import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { Public } from '../../platform/auth/public.decorator';
import { invalid } from '../../platform/domain/domain-errors';
import { ApiRead } from '../../platform/http/openapi-responses';
import { AuditEventsDto, STREAM_NAME, StreamEventsDto } from '../dto/audit-history.query-dto';
import { LogPageView, StreamEventsView } from '../dto/audit-history.response';
import { AuditLog } from './audit-log';

const instant = (text: string | undefined) => (text === undefined ? undefined : Date.parse(text));

/** The log's history: every stream for auditors, the published aspirations for everyone. */
@ApiTags('audit')
@Controller('api/audit')
export class AuditHistoryController {
  constructor(private readonly auditLog: AuditLog) {}

  /** The whole log by position: auditors read every stream, anyone else the aspirations published now. */
  @Public()
  @Get('events')
  @ApiRead(LogPageView, 503)
  events(@Req() req: AuthenticatedRequest, @Query() query: AuditEventsDto) {
    const [from, to] = [instant(query.from), instant(query.to)];
    if (from !== undefined && to !== undefined && to <= from)
      throw invalid('empty_time_range', 'to must be later than from', 'to');
    const after = query.after === undefined ? undefined : BigInt(query.after);
    const { actor, type, category } = query;
    return this.auditLog.page(
      { after, limit: query.limit ?? 50, actor, type, category, from, to },
      req.actor,
    );
  }

  /** One stream's events with their metadata, for auditors. */
  @Get('streams/:stream/events')
  @ApiParam({ name: 'stream', schema: { type: 'string', pattern: STREAM_NAME.source } })
  @ApiRead(StreamEventsView, 403, 404, 503)
  stream(@Req() req: AuthenticatedRequest, @Param('stream') stream: string, @Query() query: StreamEventsDto) {
    if (!STREAM_NAME.test(stream))
      throw invalid('invalid_stream', 'stream must be a stream name such as agency-dinas-pupr', 'stream');
    return this.auditLog.stream(stream, query.fromRevision ?? 0, query.limit ?? 100, req.actor);
  }
}
