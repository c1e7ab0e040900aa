import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PlainText } from '../../platform/text/plain-text';
import { THREAD_STATUSES, ThreadStatus } from '../read-models/thread.document';

export const THREAD_SORTS = ['newest', 'oldest', 'endorsed', 'overdue', 'due'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/** Every query may ask to see at least a given position: read-your-writes. */
export class ReadPositionDto {
  @IsOptional()
  @Matches(/^(0|[1-9][0-9]{0,38})$/, { message: 'minPosition must be a position returned by a command' })
  minPosition?: string;
}

export class PageDto extends ReadPositionDto {
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class ListThreadsDto extends PageDto {
  @IsOptional() @IsIn(THREAD_STATUSES) status?: ThreadStatus;
  @IsOptional() @IsString() @MaxLength(64) category?: string;
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'region must look like 62.06 or 62.06.02' })
  region?: string;
  @IsOptional() @IsString() @MaxLength(64) agencyId?: string;
  @IsOptional() @IsString() @MaxLength(64) groupId?: string;
  @IsOptional() @PlainText({ maxLength: 200 }) q?: string;
  @IsOptional() @IsIn(THREAD_SORTS) sort?: ThreadSort;
}

export class StatisticsDto extends ReadPositionDto {
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2})?)?$/, { message: 'region must look like 62 or 62.06' })
  region?: string;
}
