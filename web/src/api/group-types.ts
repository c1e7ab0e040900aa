// The shapes of the group routes, as docs/api.md ("Groups (KIM)") describes them.
import { ThreadSummary } from './types';

export type GroupStatus = 'proposed' | 'active' | 'dissolved';
export type Membership = 'none' | 'requested' | 'member' | 'coordinator';

/** What anyone who may see a group sees: it names no person. */
export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly regionCode: string;
  readonly joinPolicy: 'open' | 'closed';
  readonly signatureThreshold: number;
  readonly status: GroupStatus;
  readonly memberCount: number;
  readonly createdAt: string;
  readonly dissolvedReason: string | null;
  readonly position: string;
}

export interface GroupDetail {
  readonly group: GroupSummary & {
    readonly membership: Membership;
    readonly memberKey: string | null;
    readonly insider: boolean;
  };
  readonly position: string;
}

export interface Member {
  readonly memberKey: string;
  readonly displayName: string | null;
  readonly status: 'member' | 'requested';
  readonly coordinator: boolean;
  readonly since: string;
}

export interface OwnMembership {
  readonly groupId: string;
  readonly groupName: string;
  readonly regionCode: string;
  readonly status: 'member' | 'requested';
  readonly coordinator: boolean;
}

export interface GroupDraft {
  readonly id: string;
  readonly groupId: string;
  readonly title: string;
  readonly body: string;
  readonly category: string;
  readonly signatures: number;
  readonly signatureThreshold: number;
  readonly status: 'collecting' | 'submitted';
  readonly aspirationId: string | null;
  readonly monitoringReportId: string | null;
  readonly draftedByYou: boolean;
  readonly signedByYou: boolean;
}

export interface ReportPerson {
  readonly displayName: string | null;
  readonly you: boolean;
  readonly erased: boolean;
}

export interface ReportComment {
  readonly commentId: string;
  readonly body: string;
  readonly at: string;
  readonly author: ReportPerson & { readonly role: string };
}

export interface MonitoringReport {
  readonly id: string;
  readonly groupId: string;
  readonly source: string;
  readonly summary: string;
  readonly monitoredOn: string;
  readonly photo: string | null;
  readonly recordedBy: ReportPerson;
  readonly recordedAt: string;
  readonly commentCount: number;
  readonly aspirationId: string | null;
  readonly draftId: string | null;
  readonly comments?: ReportComment[];
}

export interface FeedItem {
  readonly kind: 'aspiration' | 'report';
  readonly at: string;
  readonly id: string;
  readonly aspiration?: ThreadSummary;
  readonly report?: MonitoringReport;
}

/** What a thread's detail says of the group it speaks for (docs/api.md, "Group aspirations"). */
export interface ThreadGroupFacts {
  readonly groupId: string | null;
  readonly groupName: string | null;
  readonly groupSignatures: number | null;
  readonly monitoringReportId: string | null;
}
