import { IsOptional, Matches } from 'class-validator';
import { invalid } from '../../platform/domain/domain-errors';
import { IsInstant } from '../../platform/http/instant';
import { ReadPositionDto } from '../queries/list-threads.query-dto';
import { AsOf } from './thread-as-of';

/** The detail's query: read-your-writes, or (time travel) the moment to see the thread as it was. */
export class ThreadDetailDto extends ReadPositionDto {
  /** See the thread as it was once the log reached this position (one from its history, or any other). */
  @IsOptional()
  @Matches(/^(0|[1-9][0-9]{0,38})$/, { message: 'asOfPosition must be a log position, a decimal string' })
  asOfPosition?: string;

  /** See the thread as it was at this instant of the store's recorded time (`recordedAt` in its history). */
  @IsOptional()
  @IsInstant()
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
