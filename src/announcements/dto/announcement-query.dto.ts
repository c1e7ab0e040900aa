import { IsOptional, Matches } from 'class-validator';
import { UUID } from '../../platform/http/id.pipe';
import { PageDto } from '../../aspirations/queries/list-threads.query-dto';

export class MyAnnouncementsDto extends PageDto {}

export class ListAnnouncementsDto extends PageDto {
  /** Region announcements for this region and every region above it. */
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'region must look like 62.06 or 62.06.02' })
  region?: string;
  /** Announcements to this group (for those who may see them). */
  @IsOptional() @Matches(UUID, { message: 'group must be a UUID' }) group?: string;
}
