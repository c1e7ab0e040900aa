import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsActorId } from '../../platform/auth/token-claims';
import { IsInstant } from '../../platform/http/instant';
import { STREAM_CATEGORIES, StreamCategory } from '../history/stream-category';

const POSITION = /^(0|[1-9][0-9]{0,38})$/;
/** Event types are PascalCase words (docs/events.md); an unknown one matches nothing. */
export const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,63}$/;
/** Stream names as the platform makes them: lowercase words, digits and hyphens. */
export const STREAM_NAME = /^[a-z][a-z0-9-]{0,99}$/;

/** A page of the global log: after a position, filtered. */
export class AuditEventsDto {
  @IsOptional()
  @Matches(POSITION, { message: 'after must be a position of the log (next of the previous page)' })
  after?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;

  /** Who acted (the id as entries show it); only auditors find a citizen's acts. */
  @IsOptional() @IsActorId() actor?: string;

  @IsOptional()
  @Matches(EVENT_TYPE, { message: 'type must be an event type such as AspirationVerified' })
  type?: string;

  @IsOptional() @IsIn(STREAM_CATEGORIES) category?: StreamCategory;

  /** Recorded at or after this instant. */
  @IsOptional() @IsInstant() from?: string;

  /** Recorded before this instant. */
  @IsOptional() @IsInstant() to?: string;
}

/** A page of one stream, by revision. */
export class StreamEventsDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(2_147_483_647) fromRevision?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000) limit?: number;
}
