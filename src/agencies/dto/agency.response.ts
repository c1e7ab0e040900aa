import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AGENCY_ID, POSITION } from '../../platform/http/openapi-formats';

@ApiSchema({ name: 'AgencyCommandResponse' })
export class AgencyCommandResponseView {
  @ApiProperty({ ...AGENCY_ID, description: 'The agency acted on' }) id!: string;
  @ApiProperty({ ...POSITION, nullable: true, description: 'Pass as minPosition to read your write' })
  position!: string | null;
}
