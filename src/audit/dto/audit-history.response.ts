import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';
import { ActorView } from '../../aspirations/dto/thread.response';
import { DATE_TIME, POSITION } from '../../platform/http/openapi-formats';
import { STREAM_CATEGORIES } from '../history/stream-category';

// Response schemas of the log's history routes (audit-history.controller.ts): documentation only.

const SHA_256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const PATHS = (description: string): ApiPropertyOptions => ({ type: [String], description });

@ApiSchema({ name: 'EventTrace', description: 'What ties the events of one request or command together' })
export class TraceView {
  @ApiProperty() commandId!: string;
  @ApiProperty({ description: 'The request’s X-Correlation-Id' }) correlationId!: string;
  @ApiProperty() causationId!: string;
}

@ApiSchema({ name: 'LogEntry', description: 'One stored event of any stream, redacted for the caller' })
export class LogEntryView {
  @ApiProperty(POSITION) position!: string;
  @ApiProperty({ example: 'aspiration-58b91eaf-ed88-8635-a0b6-f56e3d9f733e' }) stream!: string;
  @ApiProperty({ example: 'aspiration', description: `One of ${STREAM_CATEGORIES.join(', ')}` })
  category!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision!: number;
  @ApiProperty({ example: 'AspirationVerified' }) type!: string;
  @ApiProperty(DATE_TIME) occurredAt!: string;
  @ApiProperty({ ...DATE_TIME, description: 'When the store wrote it (the time asOfTime and from/to use)' })
  recordedAt!: string;
  @ApiProperty({ type: () => ActorView }) actor!: ActorView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's fields as docs/events.md lists them",
  })
  data!: Record<string, unknown>;
  @ApiProperty(PATHS('Fields sealed with a person’s key that the caller may not read: null or absent'))
  sealed!: string[];
  @ApiProperty(PATHS('Fields read as null because their person was erased')) erased!: string[];
  @ApiProperty(PATHS('Fields read as null because their content was withheld')) withheld!: string[];
  @ApiProperty(SHA_256) hash!: string;
  @ApiProperty({ ...SHA_256, nullable: true, description: 'The stream’s previous event’s hash' })
  previousHash!: string | null;
  @ApiPropertyOptional({ type: () => TraceView, description: 'Auditors only' }) trace?: TraceView;
}

@ApiSchema({ name: 'LogPage', description: 'Events of the whole log in position order, filtered' })
export class LogPageView {
  @ApiProperty({ type: () => LogEntryView, isArray: true }) events!: LogEntryView[];
  @ApiProperty({
    ...POSITION,
    nullable: true,
    description:
      'Pass as after for the next page; null once the log’s head was read. A page may be short, even empty, while next is not null',
  })
  next!: string | null;
}

@ApiSchema({ name: 'StreamEvents', description: 'One stream’s events in revision order' })
export class StreamEventsView {
  @ApiProperty() stream!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ type: () => LogEntryView, isArray: true }) events!: LogEntryView[];
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'Pass as fromRevision for the next page; null on the last',
  })
  next!: number | null;
}
