import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AGENCY_ID, POSITION } from '../../platform/http/openapi-formats';

@ApiSchema({ name: 'AgencyCommandResponse' })
export class AgencyCommandResponseView {
  @ApiProperty({ ...AGENCY_ID, description: 'The agency acted on' }) id!: string;
  @ApiProperty({ ...POSITION, nullable: true, description: 'Pass as minPosition to read your write' })
  position!: string | null;
}

@ApiSchema({ name: 'AgencySummary', description: 'A registered agency (OPD) as lists show it' })
export class AgencySummaryView {
  @ApiProperty(AGENCY_ID) agencyId!: string;
  @ApiProperty({ example: 'Dinas PUPR Katingan' }) name!: string;
  @ApiProperty({ example: '62.06' }) regionCode!: string;
  @ApiProperty({ ...AGENCY_ID, nullable: true, description: 'Where its aspirations escalate' })
  parentAgencyId!: string | null;
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'The categories it serves',
    example: ['infrastruktur'],
  })
  categories!: string[];
}

@ApiSchema({ name: 'AgencyList' })
export class AgencyListView {
  @ApiProperty({ type: () => AgencySummaryView, isArray: true, description: 'By name; at most 1,000' })
  items!: AgencySummaryView[];
  @ApiProperty({ ...POSITION, description: 'The last event the read model reflects' }) position!: string;
}
