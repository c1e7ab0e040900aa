import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AnnouncementSummaryView } from '../../announcements/dto/announcement.response';
import { ThreadSummaryView } from '../../aspirations/dto/thread.response';
import { DATE_TIME, POSITION, UUID } from '../../platform/http/openapi-formats';

// Response schemas of the monitoring report routes and the group feed: documentation only.

const NULLABLE_UUID = { ...UUID, nullable: true };
const NEXT_CURSOR = {
  type: 'string',
  nullable: true,
  description: 'Pass as cursor for the next page',
} as const;

@ApiSchema({ name: 'ReportCommandResponse' })
export class ReportCommandResponseView {
  @ApiProperty({ ...UUID, description: 'The report (recorded or commented on)' }) id!: string;
  @ApiProperty({ ...POSITION, nullable: true, description: 'Pass as minPosition to read your write' })
  position!: string | null;
}

@ApiSchema({ name: 'RaiseReportResponse' })
export class RaiseReportResponseView extends ReportCommandResponseView {
  @ApiProperty({
    ...NULLABLE_UUID,
    description: 'The aspiration it became (a draft: once its threshold is reached)',
  })
  aspirationId!: string | null;
  @ApiProperty({ ...NULLABLE_UUID, description: 'The group draft it became, if asked for one' })
  draftId!: string | null;
}

@ApiSchema({
  name: 'ReportPerson',
  description: 'Who recorded or commented, by the name they go by in the group',
})
export class ReportPersonView {
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'null: no name to show (a facilitator, no account)',
  })
  displayName!: string | null;
  @ApiProperty({ description: 'The caller themselves' }) you!: boolean;
  @ApiProperty({ description: 'The person was erased' }) erased!: boolean;
}

@ApiSchema({ name: 'ReportCommentAuthor' })
export class CommentAuthorView extends ReportPersonView {
  @ApiProperty({ example: 'citizen', description: 'A member (citizen) or a facilitator of the region' })
  role!: string;
}

@ApiSchema({ name: 'ReportComment' })
export class ReportCommentView {
  @ApiProperty(UUID) commentId!: string;
  @ApiProperty() body!: string;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty({ type: () => CommentAuthorView }) author!: CommentAuthorView;
}

@ApiSchema({
  name: 'MonitoringReport',
  description: 'What a member of the group monitored, and its discussion',
})
export class ReportView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(UUID) groupId!: string;
  @ApiProperty({ example: 'Papan pengumuman kantor desa' }) source!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2026-02-01' }) monitoredOn!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'An https URL or an opaque reference' })
  photo!: string | null;
  @ApiProperty({ type: () => ReportPersonView }) recordedBy!: ReportPersonView;
  @ApiProperty(DATE_TIME) recordedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) commentCount!: number;
  @ApiProperty({ ...NULLABLE_UUID, description: 'The aspiration it became' }) aspirationId!: string | null;
  @ApiProperty({ ...NULLABLE_UUID, description: 'The group draft it became' }) draftId!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) raisedAt!: string | null;
  @ApiProperty(POSITION) position!: string;
  @ApiPropertyOptional({ type: () => ReportCommentView, isArray: true, description: 'The one report only' })
  comments?: ReportCommentView[];
}

@ApiSchema({ name: 'MonitoringReportDetail' })
export class ReportDetailView {
  @ApiProperty({ type: () => ReportView }) report!: ReportView;
  @ApiProperty(POSITION) position!: string;
}

@ApiSchema({ name: 'MonitoringReportPage' })
export class ReportPageView {
  @ApiProperty({ type: () => ReportView, isArray: true }) items!: ReportView[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty(POSITION) position!: string;
}

@ApiSchema({
  name: 'GroupFeedItem',
  description: 'An aspiration submitted for the group, an announcement to it, or one of its reports',
})
export class FeedItemView {
  @ApiProperty({ enum: ['aspiration', 'announcement', 'report'] }) kind!: string;
  @ApiProperty({ ...DATE_TIME, description: 'Submitted, published, or recorded' }) at!: string;
  @ApiProperty(UUID) id!: string;
  @ApiPropertyOptional({ type: () => ThreadSummaryView }) aspiration?: ThreadSummaryView;
  @ApiPropertyOptional({
    type: () => ReportView,
    description: "For the group's members and facilitators only",
  })
  report?: ReportView;
  @ApiPropertyOptional({ type: () => AnnouncementSummaryView }) announcement?: AnnouncementSummaryView;
}

@ApiSchema({ name: 'GroupFeed' })
export class FeedPageView {
  @ApiProperty({ type: () => FeedItemView, isArray: true }) items!: FeedItemView[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({
    ...POSITION,
    description: 'What the groups, threads and announcements read models all reflect',
  })
  position!: string;
}
