import { Type } from 'class-transformer';
import { PlainText } from '../../platform/text/plain-text';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

// Shapes only: the domain decides the rules of content (lengths, known categories and regions) and names the field.
// Free text passes @PlainText (docs/api.md, "Text"): one-line titles and names, multiline bodies and reasons.

const AGENCY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class OnBehalfOfDto {
  @PlainText({ maxLength: 200, visible: true }) name!: string;
  @IsOptional() @PlainText({ maxLength: 200 }) contact?: string;
}

export class SubmitAspirationDto {
  @PlainText({ visible: true }) title!: string;
  @PlainText({ multiline: true, visible: true }) body!: string;
  @IsString() category!: string;
  @IsString() regionCode!: string;
  @IsIn(['public', 'confidential']) visibility!: 'public' | 'confidential';
  @IsBoolean() anonymous!: boolean;
  @IsOptional() @PlainText({ maxLength: 64 }) groupId?: string;
  @IsOptional() @ValidateNested() @Type(() => OnBehalfOfDto) onBehalfOf?: OnBehalfOfDto;
}

export class EmptyDto {}

export class ReasonDto {
  @PlainText({ multiline: true, visible: true }) reason!: string;
}

export class AssignDto {
  /** Omitted: the category's default agency. */
  @IsOptional() @IsString() @Matches(AGENCY_ID) agencyId?: string;
}

export class ForwardDto {
  @IsString() @Matches(AGENCY_ID) toAgencyId!: string;
  @PlainText({ multiline: true, visible: true }) reason!: string;
}

export class MessageDto {
  @PlainText({ multiline: true, visible: true }) body!: string;
}

export class ResolveDto {
  @PlainText({ multiline: true, visible: true }) summary!: string;
}

export class RatingDto {
  @IsInt() @Min(1) @Max(5) rating!: number;
  @IsOptional() @PlainText({ multiline: true, maxLength: 1000 }) comment?: string;
}

export class EscalateDto {
  @IsIn(['verification', 'response']) stage!: 'verification' | 'response';
}
