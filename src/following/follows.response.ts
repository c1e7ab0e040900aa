import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DATE_TIME, POSITION, UUID } from '../platform/http/openapi-formats';

@ApiSchema({ name: 'Follow' })
export class FollowView {
  @ApiProperty(UUID) aspirationId!: string;
  @ApiProperty({ ...DATE_TIME, description: 'Since when' }) since!: string;
  @ApiProperty({
    enum: ['submitted', 'responded', 'followed', 'group'],
    description:
      'submitted: one’s own aspiration; responded: an official who answered it; followed: by choice; group: a member of the group it speaks for',
  })
  reason!: string;
}

@ApiSchema({ name: 'FollowPage' })
export class FollowPageView {
  @ApiProperty({ type: () => FollowView, isArray: true }) items!: FollowView[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
  @ApiProperty(POSITION) position!: string;
}
