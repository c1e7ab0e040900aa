import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { POSITION, UUID } from '../../platform/http/openapi-formats';

@ApiSchema({ name: 'Open311ClientCommandResponse' })
export class Open311ClientCommandResponseView {
  @ApiProperty({ ...UUID, description: 'The client application acted on' }) id!: string;
  @ApiProperty({ ...POSITION, nullable: true, description: 'The position of the event recorded' })
  position!: string | null;
}

@ApiSchema({ name: 'Open311ClientIssued', description: 'A new client application and its API key' })
export class Open311ClientIssuedView extends Open311ClientCommandResponseView {
  @ApiProperty({
    type: 'string',
    pattern: '^[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$',
    description: 'The api_key of Open311 requests. Shown once: only its digest is kept',
    example: '0b3a6a34-5c1f-4e55-9d7e-7f3f2b1d9c10.Jx2…',
  })
  apiKey!: string;
}
