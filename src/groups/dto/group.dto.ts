import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { PlainText } from '../../platform/text/plain-text';
import { MAX_SIGNATURE_THRESHOLD } from '../domain/group.guards';

// Shapes only: the deciders decide the rules of content (lengths, known regions and categories) and name the field.

export class FoundGroupDto {
  @PlainText({ visible: true }) name!: string;
  @IsOptional() @PlainText({ multiline: true }) description?: string;
  @IsString() regionCode!: string;
  @IsIn(['open', 'closed']) joinPolicy!: 'open' | 'closed';
  /** Omitted: 3 (the drafter and two co-signers). */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_SIGNATURE_THRESHOLD) signatureThreshold?: number;
}

export class GroupDraftDto {
  @PlainText({ visible: true }) title!: string;
  @PlainText({ multiline: true, visible: true }) body!: string;
  @IsString() category!: string;
  /** Omitted: the group's own region. */
  @IsOptional() @IsString() regionCode?: string;
  @IsBoolean() anonymous!: boolean;
}
