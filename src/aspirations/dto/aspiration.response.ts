import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { DATE_TIME, POSITION, UUID } from '../../platform/http/openapi-formats';
import { ActorView } from './thread.response';

// Response schemas of the aspiration commands and the history: documentation only.

@ApiSchema({ name: 'AspirationCommandResponse' })
export class AspirationCommandResponseView {
  @ApiProperty({ ...UUID, description: 'The aspiration acted on' }) id!: string;
  @ApiProperty({ ...POSITION, nullable: true, description: 'Pass as minPosition to read your write' })
  position!: string | null;
  @ApiPropertyOptional({ ...UUID, description: 'The message added (submit, respond, reply) or hidden' })
  messageId?: string;
}

const SHA_256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

@ApiSchema({ name: 'HistoryEntry', description: 'One stored event, redacted for the caller' })
export class HistoryEntryView {
  @ApiProperty(POSITION) position!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision!: number;
  @ApiProperty({ example: 'AspirationSubmitted' }) type!: string;
  @ApiProperty(DATE_TIME) occurredAt!: string;
  @ApiProperty(DATE_TIME) recordedAt!: string;
  @ApiProperty({ type: () => ActorView }) actor!: ActorView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's fields as docs/events.md lists them",
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Fields read as null because their person was erased' })
  erased!: string[];
  @ApiProperty({ type: [String], description: 'Fields read as null because their content was withheld' })
  withheld!: string[];
  @ApiProperty(SHA_256) hash!: string;
  @ApiProperty({ ...SHA_256, nullable: true }) previousHash!: string | null;
}

@ApiSchema({ name: 'AspirationHistory' })
export class AspirationHistoryView {
  @ApiProperty(UUID) aspirationId!: string;
  @ApiProperty({ type: () => HistoryEntryView, isArray: true }) events!: HistoryEntryView[];
}
