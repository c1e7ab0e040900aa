import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { POSITION } from '../platform/http/openapi-formats';

// The response schema of GET /api/health as it is today; health.controller.ts references it at merge.

@ApiSchema({ name: 'ReadModelLag' })
export class ReadModelLagView {
  @ApiProperty({ ...POSITION, description: 'The last event the read model reflects' }) position!: string;
  @ApiProperty({ ...POSITION, description: 'head − position: "0" means caught up' }) lag!: string;
}

@ApiSchema({ name: 'Health' })
export class HealthView {
  @ApiProperty({ enum: ['ok'], type: String }) status!: 'ok';
  @ApiProperty({ ...POSITION, description: 'The position of the last event' }) head!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ReadModelLag' },
    description: 'Per read model, e.g. aspirations',
  })
  projections!: Record<string, ReadModelLagView>;
}
