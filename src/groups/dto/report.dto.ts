import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { PlainText } from '../../platform/text/plain-text';

// Shapes only: the decider decides the rules of content (lengths, dates, photo references) and names the field.

export class RecordReportDto {
  @PlainText({ visible: true }) source!: string;
  @PlainText({ multiline: true, visible: true }) summary!: string;
  /** The day it was monitored, YYYY-MM-DD. */
  @IsString() monitoredOn!: string;
  /** An https URL or an opaque reference (a file name): the platform stores no image. */
  @IsOptional() @PlainText({ maxLength: 500 }) photo?: string;
}

export class CommentDto {
  @PlainText({ multiline: true, visible: true }) body!: string;
}

export class RaiseReportDto {
  @PlainText({ visible: true }) title!: string;
  @PlainText({ multiline: true, visible: true }) body!: string;
  @IsString() category!: string;
  /** Omitted: the group's own region. */
  @IsOptional() @IsString() regionCode?: string;
  /** Omitted: public. A group draft is always public. */
  @IsOptional() @IsIn(['public', 'confidential']) visibility?: 'public' | 'confidential';
  @IsBoolean() anonymous!: boolean;
  /** true: a group draft that co-signatures submit; otherwise an aspiration submitted at once. */
  @IsOptional() @IsBoolean() asGroupDraft?: boolean;
}
