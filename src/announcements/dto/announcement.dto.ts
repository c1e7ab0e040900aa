import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches } from 'class-validator';
import { UUID } from '../../platform/http/id.pipe';
import { PlainText } from '../../platform/text/plain-text';
import { MAX_GROUPS } from '../domain/announcement.guards';

// Shapes only: the decider decides the rules of content (lengths, known regions, links) and names the field.

export class PublishAnnouncementDto {
  @PlainText({ visible: true }) title!: string;
  @PlainText({ multiline: true, visible: true }) body!: string;
  /** An https:// or http:// address to read more. */
  @IsOptional() @IsString() link?: string;
  /** A region: the announcement reaches it and every region below it. */
  @IsOptional() @IsString() regionCode?: string;
  /** Or one or more groups (not both). */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GROUPS)
  @Matches(UUID, { each: true, message: 'each of groupIds must be a UUID' })
  groupIds?: string[];
}

export class CorrectAnnouncementDto {
  @PlainText({ visible: true }) title!: string;
  @PlainText({ multiline: true, visible: true }) body!: string;
  @IsOptional() @IsString() link?: string;
}

export class QuestionDto {
  @PlainText({ multiline: true, visible: true }) text!: string;
}

export class AnswerDto {
  @PlainText({ multiline: true, visible: true }) text!: string;
}
