import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { POSITION } from '../platform/http/openapi-formats';

/** Lag is counted in events; on EventStoreDB counting means reading them, so a health check stops here. */
export const LAG_COUNTED_UP_TO = 1_000;

const PROBLEM_KINDS = [
  'integrity_failure',
  'key_missing',
  'projection_stalled',
  'storage_full',
  'storage_unavailable',
];

@ApiSchema({ name: 'ReadModelLag' })
export class ReadModelLagView {
  @ApiProperty({ ...POSITION, description: 'The last event the read model reflects' }) position!: string;
  @ApiProperty({
    type: 'string',
    pattern: POSITION.pattern,
    description: `Events the read model has yet to apply, counted up to ${LAG_COUNTED_UP_TO}: "0" means caught up`,
    example: '0',
  })
  lag!: string;
}

/** One reason the platform is not ready: names and positions, never stored content; its kind alone unless the caller is an admin or auditor. */
@ApiSchema({ name: 'HealthProblem' })
export class HealthProblemView {
  @ApiProperty({ enum: PROBLEM_KINDS, type: String }) kind!: string;
  @ApiPropertyOptional({ description: 'The stream that failed its check' }) stream?: string;
  @ApiPropertyOptional({ ...POSITION, description: 'Where in the log' }) position?: string;
  @ApiPropertyOptional({ type: Number }) revision?: number;
  @ApiPropertyOptional({ description: 'hash_mismatch, previous_hash_mismatch or revision_gap' })
  reason?: string;
  @ApiPropertyOptional({ description: 'A data key neither held nor known as erased' }) keyId?: string;
  @ApiPropertyOptional({ description: 'The projection that stopped on an error' }) projection?: string;
  @ApiPropertyOptional() error?: string;
}

@ApiSchema({ name: 'Readiness' })
export class ReadinessView {
  @ApiProperty({ enum: ['ok', 'degraded'], type: String }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: [HealthProblemView] }) problems!: HealthProblemView[];
}

@ApiSchema({ name: 'Liveness' })
export class LivenessView {
  @ApiProperty({ enum: ['ok'], type: String }) status!: 'ok';
}

@ApiSchema({ name: 'Health' })
export class HealthView extends ReadinessView {
  @ApiPropertyOptional({ ...POSITION, description: 'The position of the last event' }) head?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ReadModelLag' },
    description: 'Per read model, e.g. aspirations',
  })
  projections?: Record<string, ReadModelLagView>;
}
