import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DATE_TIME, POSITION, UUID } from '../../platform/http/openapi-formats';

// Response schemas of the announcement routes: documentation only (the contract test checks responses against them).

const NULLABLE_DATE_TIME = { ...DATE_TIME, nullable: true };
const NULLABLE_TEXT = { type: 'string', nullable: true } as const;

@ApiSchema({ name: 'AnnouncementCommandResponse' })
export class AnnouncementCommandResponseView {
  @ApiProperty({ ...UUID, description: 'The announcement acted on' }) id!: string;
  @ApiProperty({ ...POSITION, nullable: true, description: 'Pass as minPosition to read your write' })
  position!: string | null;
}

export class QuestionAskedResponseView extends AnnouncementCommandResponseView {
  @ApiProperty({ ...UUID, description: 'The question, for its answer' }) questionId!: string;
}

@ApiSchema({ name: 'AnnouncementTarget' })
export class AnnouncementTargetView {
  @ApiProperty({ enum: ['region', 'groups'] }) kind!: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: '62.06', description: 'The region (and everything below it)' })
  regionCode!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' } }) groupIds!: string[];
}

@ApiSchema({
  name: 'AnnouncementPublisher',
  description: 'Published in office: the agency, or a facilitator',
})
export class AnnouncementPublisherView {
  @ApiProperty({ ...NULLABLE_TEXT, example: 'dinas-pupr' }) agencyId!: string | null;
  @ApiProperty({ enum: ['official', 'facilitator'] }) role!: string;
}

@ApiSchema({
  name: 'AnnouncementSummary',
  description: 'The current version of an announcement; names no citizen',
})
export class AnnouncementSummaryView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ ...NULLABLE_TEXT, format: 'uri' }) link!: string | null;
  @ApiProperty({ enum: ['published', 'withdrawn'] }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ description: 'Whether an earlier version was corrected' }) corrected!: boolean;
  @ApiProperty({ type: AnnouncementTargetView }) target!: AnnouncementTargetView;
  @ApiProperty({ type: AnnouncementPublisherView }) publisher!: AnnouncementPublisherView;
  @ApiProperty(DATE_TIME) publishedAt!: string;
  @ApiProperty(DATE_TIME) updatedAt!: string;
  @ApiProperty(NULLABLE_DATE_TIME) withdrawnAt!: string | null;
  @ApiProperty(NULLABLE_TEXT) withdrawnReason!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) acknowledgements!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) questionCount!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) answeredCount!: number;
}

@ApiSchema({ name: 'AnnouncementPage' })
export class AnnouncementPageView {
  @ApiProperty({ type: [AnnouncementSummaryView] }) items!: AnnouncementSummaryView[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
  @ApiProperty({ ...POSITION, description: 'The position the read model reflects' }) position!: string;
}

@ApiSchema({ name: 'AnnouncementVersion' })
export class AnnouncementVersionView {
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ ...NULLABLE_TEXT, format: 'uri' }) link!: string | null;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty({ description: 'A later version replaced it' }) corrected!: boolean;
}

@ApiSchema({ name: 'AnnouncementQuestion' })
export class AnnouncementQuestionView {
  @ApiProperty(UUID) questionId!: string;
  @ApiProperty() text!: string;
  @ApiProperty(DATE_TIME) askedAt!: string;
  @ApiProperty({
    description: 'The name the asker goes by, to staff; "warga" to everyone else',
    example: 'warga',
  })
  asker!: string;
  @ApiProperty({ ...NULLABLE_TEXT, description: "The publisher's answer; null until answered" })
  answer!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) answeredAt!: string | null;
}

@ApiSchema({ name: 'AnnouncementDetail' })
export class AnnouncementDetailView extends AnnouncementSummaryView {
  @ApiProperty({ type: [AnnouncementVersionView], description: 'Oldest first' })
  versions!: AnnouncementVersionView[];
  @ApiProperty({ description: 'Whether the caller acknowledged it' }) acknowledged!: boolean;
  @ApiProperty({ type: [AnnouncementQuestionView] }) questions!: AnnouncementQuestionView[];
  @ApiProperty({ ...POSITION, description: 'The position the read model reflects' }) position!: string;
}
