import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ReadPositionDto } from '../../aspirations/queries/list-threads.query-dto';
import { REGION_CODE } from './agency.dto';

export class ListAgenciesDto extends ReadPositionDto {
  /** Agencies registered in this region or in a region under it, as the aspiration list's region filter. */
  @IsOptional()
  @Matches(REGION_CODE, { message: 'region must look like 62, 62.06 or 62.06.02.1003' })
  region?: string;

  @IsOptional() @IsString() @MaxLength(64) category?: string;
}
