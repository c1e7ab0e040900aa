import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageDto } from '../../aspirations/queries/list-threads.query-dto';

export const GROUP_STATUSES = ['proposed', 'active', 'dissolved'] as const;

export class ListGroupsDto extends PageDto {
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'region must look like 62.06 or 62.06.02' })
  region?: string;
  @IsOptional() @IsIn(GROUP_STATUSES) status?: (typeof GROUP_STATUSES)[number];
}

export class ListMembersDto extends PageDto {
  /** Omitted: members. `requested`: who asked to join, for its coordinators and facilitators. */
  @IsOptional() @IsIn(['member', 'requested']) status?: 'member' | 'requested';
}
