import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AGENCY_ID, DATE_TIME, POSITION, UUID } from '../../platform/http/openapi-formats';
import { THREAD_STATUSES, ThreadStatus } from '../read-models/thread.document';

// Response schemas of the read routes (queries/, read-models/thread-views.ts): documentation only.

const STATUS = { enum: THREAD_STATUSES, type: String };
const NULLABLE_DATE_TIME = { ...DATE_TIME, nullable: true };
const NULLABLE_UUID = { ...UUID, nullable: true };
const GROUP_SIGNATURES = {
  type: 'integer',
  minimum: 1,
  nullable: true,
  description:
    "It speaks for the group: its members co-signed it, this many (the drafter's included); null otherwise",
} as const;

@ApiSchema({ name: 'ThreadSummary', description: 'An aspiration as a line of a list' })
export class ThreadSummaryView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ description: '"" when the submission is hidden and the caller may not read it' })
  title!: string;
  @ApiProperty({ example: 'infrastruktur' }) category!: string;
  @ApiProperty({ example: '62.06.02.1003' }) regionCode!: string;
  @ApiProperty(STATUS) status!: ThreadStatus;
  @ApiProperty({ ...AGENCY_ID, nullable: true }) agencyId!: string | null;
  @ApiProperty({ ...NULLABLE_UUID, description: 'The group it was submitted for' }) groupId!: string | null;
  @ApiProperty(GROUP_SIGNATURES) groupSignatures!: number | null;
  @ApiProperty(DATE_TIME) submittedAt!: string;
  @ApiProperty({ ...NULLABLE_DATE_TIME, description: 'The deadline the aspiration waits on' })
  dueAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) endorsements!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) messageCount!: number;
  @ApiProperty(DATE_TIME) updatedAt!: string;
  @ApiProperty({ ...POSITION, description: 'The last event that changed this aspiration' }) position!: string;
  @ApiProperty({ description: 'dueAt has passed: computed when asked, never stored' }) overdue!: boolean;
}

@ApiSchema({ name: 'ThreadPage', description: 'One page of a list, the inbox or your own aspirations' })
export class ThreadPageView {
  @ApiProperty({ type: () => ThreadSummaryView, isArray: true }) items!: ThreadSummaryView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass back as cursor; null on the last page' })
  nextCursor!: string | null;
  @ApiProperty({ ...POSITION, description: 'The last event the read model reflects' }) position!: string;
}

@ApiSchema({ name: 'Actor' })
export class ActorView {
  @ApiProperty({ type: String, nullable: true, description: 'null when the caller may not see who it is' })
  id!: string | null;
  @ApiProperty({ example: 'citizen' }) role!: string;
  @ApiPropertyOptional({
    enum: [true],
    description: 'Present when the person was erased (right to erasure): id is then null for everyone',
  })
  erased?: true;
}

@ApiSchema({ name: 'HiddenNote' })
export class HiddenNoteView {
  @ApiProperty() reason!: string;
  @ApiProperty(DATE_TIME) at!: string;
}

@ApiSchema({ name: 'ThreadMessage', description: 'The submission, a response or a reply' })
export class ThreadMessageView {
  @ApiProperty(UUID) messageId!: string;
  @ApiProperty({ enum: ['submission', 'response', 'reply'], type: String }) kind!: string;
  @ApiPropertyOptional({ description: 'The submission only' }) title?: string;
  @ApiProperty() body!: string;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty({ type: () => ActorView }) actor!: ActorView;
  @ApiPropertyOptional({ ...AGENCY_ID, description: 'Responses only' }) agencyId?: string;
  @ApiPropertyOptional({ enum: [true], description: 'A reply a facilitator relayed for the villager' })
  relayedForVillager?: boolean;
  @ApiPropertyOptional({ type: () => HiddenNoteView }) hidden?: HiddenNoteView;
}

@ApiSchema({ name: 'TimelineEntry', description: 'One event of the thread, endorsements excepted' })
export class TimelineEntryView {
  @ApiProperty({ example: 'AspirationVerified' }) type!: string;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty({ ...STATUS, description: 'The status after the event' }) status!: ThreadStatus;
  @ApiProperty(POSITION) position!: string;
  @ApiPropertyOptional(AGENCY_ID) agencyId?: string;
  @ApiPropertyOptional() reason?: string;
}

@ApiSchema({ name: 'Villager', description: 'Whom a facilitator submitted for; null fields once erased' })
export class VillagerView {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) contact?: string | null;
}

@ApiSchema({ name: 'ThreadDetail', description: 'An aspiration in full, redacted for the caller' })
export class ThreadDetailView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() category!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ enum: ['public', 'confidential'], type: String }) visibility!: string;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The group it was submitted for' })
  groupId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The group's name when it was submitted" })
  groupName!: string | null;
  @ApiProperty(GROUP_SIGNATURES) groupSignatures!: number | null;
  @ApiProperty({ ...NULLABLE_UUID, description: 'The group draft it was submitted from' })
  groupDraftId!: string | null;
  @ApiProperty({ ...NULLABLE_UUID, description: "The group's monitoring report it was made from" })
  monitoringReportId!: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedBy!: string | null;
  @ApiProperty({ description: 'The submitter was erased: submittedBy is null for everyone, for good' })
  submitterErased!: boolean;
  @ApiPropertyOptional({ type: () => VillagerView }) onBehalfOf?: VillagerView;
  @ApiProperty(STATUS) status!: ThreadStatus;
  @ApiProperty({ ...AGENCY_ID, nullable: true }) agencyId!: string | null;
  @ApiProperty(DATE_TIME) submittedAt!: string;
  @ApiProperty(NULLABLE_DATE_TIME) dueAt!: string | null;
  @ApiProperty(DATE_TIME) verificationDueAt!: string;
  @ApiProperty(NULLABLE_DATE_TIME) followUpDueAt!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) autoCloseDueAt!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) reopenUntil!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) firstRespondedAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, nullable: true }) rating!: number | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) endorsements!: number;
  @ApiProperty({ type: () => ThreadMessageView, isArray: true }) messages!: ThreadMessageView[];
  @ApiProperty({ type: () => TimelineEntryView, isArray: true }) timeline!: TimelineEntryView[];
  @ApiProperty({ ...POSITION, description: 'The last event that changed this aspiration' }) position!: string;
  @ApiProperty() overdue!: boolean;
}

@ApiSchema({ name: 'AspirationDetail' })
export class AspirationDetailView {
  @ApiProperty({ type: () => ThreadDetailView }) aspiration!: ThreadDetailView;
  @ApiProperty({ ...POSITION, description: 'The last event the read model reflects' }) position!: string;
}

@ApiSchema({ name: 'AgencyStatistics' })
export class AgencyStatisticsView {
  @ApiProperty(AGENCY_ID) agencyId!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) answered!: number;
  @ApiProperty({ type: Number, nullable: true }) medianFirstResponseMinutes!: number | null;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, nullable: true })
  answeredWithinDeadlineShare!: number | null;
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } } as const;

@ApiSchema({ name: 'Statistics', description: 'Counts over all aspirations, whatever their visibility' })
export class StatisticsView {
  @ApiProperty({ type: () => AgencyStatisticsView, isArray: true }) agencies!: AgencyStatisticsView[];
  @ApiProperty(COUNTS) byStatus!: Record<string, number>;
  @ApiProperty(COUNTS) byCategory!: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Region code → count, one level below the region asked for' })
  byRegion!: Record<string, number>;
  @ApiProperty(POSITION) position!: string;
}
