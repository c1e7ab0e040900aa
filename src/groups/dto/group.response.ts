import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DATE_TIME, POSITION, UUID } from '../../platform/http/openapi-formats';
import { GROUP_STATUSES } from './group-query.dto';

// Response schemas of the group routes: documentation only (the contract test checks responses against them).

const NULLABLE_DATE_TIME = { ...DATE_TIME, nullable: true };
const MEMBER_KEY = {
  type: 'string',
  pattern: '^[0-9a-f]{32}$',
  description: 'How the group names a member (never their account id): what the member routes take',
} as const;
const NEXT_CURSOR = {
  type: 'string',
  nullable: true,
  description: 'Pass as cursor for the next page',
} as const;

@ApiSchema({ name: 'GroupCommandResponse' })
export class GroupCommandResponseView {
  @ApiProperty({ ...UUID, description: 'The group acted on' }) id!: string;
  @ApiProperty({ ...POSITION, nullable: true, description: 'Pass as minPosition to read your write' })
  position!: string | null;
}

@ApiSchema({ name: 'GroupDraftCommandResponse' })
export class DraftCommandResponseView {
  @ApiProperty({ ...UUID, description: 'The draft' }) id!: string;
  @ApiProperty({ ...POSITION, nullable: true, description: 'Pass as minPosition to read your write' })
  position!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: "Signatures counted now, the drafter's included" })
  signatures!: number;
  @ApiProperty({ ...UUID, nullable: true, description: 'The aspiration, once the threshold was reached' })
  aspirationId!: string | null;
}

@ApiSchema({
  name: 'GroupSummary',
  description: 'A group as anyone who may see it sees it: it names no person',
})
export class GroupSummaryView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ example: 'KIM Kasongan Baru' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: '62.06.02.1003', description: 'A district or village' }) regionCode!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) joinPolicy!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) signatureThreshold!: number;
  @ApiProperty({ enum: GROUP_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) memberCount!: number;
  @ApiProperty({ ...DATE_TIME, description: 'Founded or proposed' }) createdAt!: string;
  @ApiProperty(NULLABLE_DATE_TIME) approvedAt!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) dissolvedAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) dissolvedReason!: string | null;
  @ApiProperty(DATE_TIME) updatedAt!: string;
  @ApiProperty({ ...POSITION, description: 'The last event that changed this group' }) position!: string;
}

@ApiSchema({ name: 'GroupDetailItem', description: "A group, with the caller's own standing in it" })
export class GroupDetailItemView extends GroupSummaryView {
  @ApiProperty({ enum: ['none', 'requested', 'member', 'coordinator'] }) membership!: string;
  @ApiProperty({ ...MEMBER_KEY, nullable: true, description: "The caller's own member key, if any" })
  memberKey!: string | null;
  @ApiProperty({ description: 'A member or a facilitator of its region: reads members, drafts and reports' })
  insider!: boolean;
}

@ApiSchema({ name: 'GroupDetail' })
export class GroupDetailView {
  @ApiProperty({ type: () => GroupDetailItemView }) group!: GroupDetailItemView;
  @ApiProperty({ ...POSITION, description: 'The last event the read model reflects' }) position!: string;
}

@ApiSchema({ name: 'GroupPage' })
export class GroupPageView {
  @ApiProperty({ type: () => GroupSummaryView, isArray: true }) items!: GroupSummaryView[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty(POSITION) position!: string;
}

@ApiSchema({
  name: 'GroupMember',
  description: 'A member, or a person asking to join, by the name they go by',
})
export class MemberView {
  @ApiProperty(MEMBER_KEY) memberKey!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'null: no account name to show' })
  displayName!: string | null;
  @ApiProperty({ enum: ['member', 'requested'] }) status!: string;
  @ApiProperty() coordinator!: boolean;
  @ApiProperty({ ...DATE_TIME, description: 'Member, or asking, since' }) since!: string;
}

@ApiSchema({ name: 'GroupMemberPage' })
export class MemberPageView {
  @ApiProperty({ type: () => MemberView, isArray: true }) items!: MemberView[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty(POSITION) position!: string;
}

@ApiSchema({ name: 'OwnGroupMembership' })
export class OwnMembershipView {
  @ApiProperty(UUID) groupId!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty({ example: '62.06.02.1003' }) regionCode!: string;
  @ApiProperty(MEMBER_KEY) memberKey!: string;
  @ApiProperty({ enum: ['member', 'requested'] }) status!: string;
  @ApiProperty() coordinator!: boolean;
  @ApiProperty(DATE_TIME) since!: string;
}

@ApiSchema({ name: 'OwnGroupMembershipPage' })
export class OwnMembershipPageView {
  @ApiProperty({ type: () => OwnMembershipView, isArray: true }) items!: OwnMembershipView[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty(POSITION) position!: string;
}

@ApiSchema({
  name: 'GroupDraft',
  description: 'An aspiration a member drafted for the group, collecting signatures',
})
export class DraftView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(UUID) groupId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() category!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: "So far, the drafter's included; once submitted, as submitted",
  })
  signatures!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) signatureThreshold!: number;
  @ApiProperty({ enum: ['collecting', 'submitted'] }) status!: string;
  @ApiProperty({ ...UUID, nullable: true }) aspirationId!: string | null;
  @ApiProperty({ ...UUID, nullable: true }) monitoringReportId!: string | null;
  @ApiProperty(DATE_TIME) startedAt!: string;
  @ApiProperty(NULLABLE_DATE_TIME) submittedAt!: string | null;
  @ApiProperty() draftedByYou!: boolean;
  @ApiProperty() signedByYou!: boolean;
  @ApiProperty(POSITION) position!: string;
}

@ApiSchema({ name: 'GroupDraftPage' })
export class DraftPageView {
  @ApiProperty({ type: () => DraftView, isArray: true }) items!: DraftView[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty(POSITION) position!: string;
}
