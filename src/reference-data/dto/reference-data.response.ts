import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AGENCY_ID } from '../../platform/http/openapi-formats';

// Response schemas of the reference data routes: documentation only.

@ApiSchema({ name: 'Category', description: 'What an aspiration is about, and where it goes by default' })
export class CategoryView {
  @ApiProperty({ example: 'infrastruktur' }) code!: string;
  @ApiProperty({ description: 'In Bahasa Indonesia', example: 'Infrastruktur (jalan, jembatan, drainase)' })
  name!: string;
  @ApiProperty({
    ...AGENCY_ID,
    description: 'The agency it is routed to unless a facilitator routes it elsewhere',
  })
  defaultAgencyId!: string;
}

@ApiSchema({ name: 'CategoryList' })
export class CategoryListView {
  @ApiProperty({ type: () => CategoryView, isArray: true }) items!: CategoryView[];
}

@ApiSchema({ name: 'Region', description: 'An administrative area (Kemendagri code), with where it lies' })
export class RegionView {
  @ApiProperty({ example: '62.06.02.1003' }) code!: string;
  @ApiProperty({ example: 'Kasongan Baru' }) name!: string;
  @ApiProperty({ enum: ['province', 'regency', 'district', 'village'], type: String }) level!: string;
  @ApiProperty({ type: String, nullable: true, example: '62.06.02' }) parentCode!: string | null;
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Names of the regions it lies in, province first',
    example: ['Kalimantan Tengah', 'Kabupaten Katingan', 'Katingan Hilir'],
  })
  path!: string[];
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'], type: String, description: 'Its time zone' })
  timeZone!: string;
  @ApiProperty({ description: 'Whether regions lie below it (false for villages)' }) hasChildren!: boolean;
}

@ApiSchema({ name: 'RegionList' })
export class RegionListView {
  @ApiProperty({ type: () => RegionView, isArray: true }) items!: RegionView[];
}
