import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { invalid } from '../../platform/domain/domain-errors';
import { ReadPositionDto } from '../queries/list-threads.query-dto';
import { AsOf } from './thread-as-of';

/** An instant with its offset, to the second at least: `2026-03-02T04:05:06Z`, `…06.123+07:00`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** The detail's query: read-your-writes, or (time travel) the moment to see the thread as it was. */
export class ThreadDetailDto extends ReadPositionDto {
  /** See the thread as it was once the log reached this position (one from its history, or any other). */
  @IsOptional()
  @Matches(/^(0|[1-9][0-9]{0,38})$/, { message: 'asOfPosition must be a log position, a decimal string' })
  asOfPosition?: string;

  /** See the thread as it was at this instant of the store's recorded time (`recordedAt` in its history). */
  @IsOptional()
  @Matches(INSTANT, {
    message: 'asOfTime must be an ISO 8601 instant with its offset, e.g. 2026-03-02T04:05:06Z',
  })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'asOfTime must be a date and time that exist' },
  )
  asOfTime?: string;
}

/** The moment asked for, if any; both at once is ambiguous. */
export function asOfIn(query: ThreadDetailDto): AsOf | undefined {
  if (query.asOfPosition !== undefined && query.asOfTime !== undefined)
    throw invalid('as_of_ambiguous', 'Give asOfPosition or asOfTime, not both', 'asOfTime');
  if (query.asOfPosition !== undefined) return { position: BigInt(query.asOfPosition) };
  if (query.asOfTime !== undefined) return { time: Date.parse(query.asOfTime) };
  return undefined;
}
