import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// Shapes only: the domain decides the rules of content (lengths, known categories and regions) and names the field.

const AGENCY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class OnBehalfOfDto {
  @IsString() @MaxLength(200) name!: string;
  @IsOptional() @IsString() @MaxLength(200) contact?: string;
}

export class SubmitAspirationDto {
  @IsString() title!: string;
  @IsString() body!: string;
  @IsString() category!: string;
  @IsString() regionCode!: string;
  @IsIn(['public', 'confidential']) visibility!: 'public' | 'confidential';
  @IsBoolean() anonymous!: boolean;
  @IsOptional() @IsString() @MaxLength(64) groupId?: string;
  @IsOptional() @ValidateNested() @Type(() => OnBehalfOfDto) onBehalfOf?: OnBehalfOfDto;
}

export class EmptyDto {}

export class ReasonDto {
  @IsString() reason!: string;
}

export class AssignDto {
  /** Omitted: the category's default agency. */
  @IsOptional() @IsString() @Matches(AGENCY_ID) agencyId?: string;
}

export class ForwardDto {
  @IsString() @Matches(AGENCY_ID) toAgencyId!: string;
  @IsString() reason!: string;
}

export class MessageDto {
  @IsString() body!: string;
}

export class ResolveDto {
  @IsString() summary!: string;
}

export class RatingDto {
  @IsInt() @Min(1) @Max(5) rating!: number;
  @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}

export class EscalateDto {
  @IsIn(['verification', 'response']) stage!: 'verification' | 'response';
}
