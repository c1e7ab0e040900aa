import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PlainText } from '../../platform/text/plain-text';
import { MAX_SEARCH_RESULTS } from '../../regions/region-search';

const CODE = '\\d{2}(?:\\.\\d{2}(?:\\.\\d{2}(?:\\.\\d{4})?)?)?';
/** How many regions one lookup may name: a page of the feed, with room to spare. */
export const MAX_LOOKUP_CODES = 100;

/** One of three questions: the children of `parent` (provinces without it), a name search `q`, or `codes` looked up. */
export class RegionQueryDto {
  @IsOptional()
  @Matches(new RegExp(`^${CODE}$`), { message: 'parent must be a region code such as 62, 62.06 or 62.06.02' })
  parent?: string;

  @IsOptional() @PlainText({ maxLength: 100, visible: true }) q?: string;

  @IsOptional()
  @Matches(new RegExp(`^${CODE}(?:,${CODE}){0,${MAX_LOOKUP_CODES - 1}}$`), {
    message: `codes must be 1 to ${MAX_LOOKUP_CODES} region codes separated by commas, such as 62.06,62.06.02.1003`,
  })
  codes?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_SEARCH_RESULTS) limit?: number;
}
