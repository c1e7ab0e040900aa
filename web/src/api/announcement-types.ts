/** GET /api/announcements's items (docs/api.md, "Announcements"). */
export interface AnnouncementSummary {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  readonly status: 'published' | 'withdrawn';
  readonly version: number;
  readonly corrected: boolean;
  readonly target: {
    readonly kind: 'region' | 'groups';
    readonly regionCode: string | null;
    readonly groupIds: string[];
  };
  readonly publisher: { readonly agencyId: string | null; readonly role: 'official' | 'facilitator' };
  readonly publishedAt: string;
  readonly withdrawnReason: string | null;
  readonly acknowledgements: number;
  readonly questionCount: number;
}

export interface AnnouncementPage {
  readonly items: AnnouncementSummary[];
  readonly nextCursor: string | null;
  readonly position: string;
}

export interface AnnouncementDetail extends AnnouncementSummary {
  readonly versions: { version: number; title: string; body: string; at: string; corrected: boolean }[];
  readonly acknowledged: boolean;
  readonly questions: {
    questionId: string;
    text: string;
    askedAt: string;
    asker: string;
    answer: string | null;
    answeredAt: string | null;
  }[];
  readonly position: string;
}
