import { AnnouncementEvent, AnnouncementTarget, Publisher } from './announcement.events';

export interface PublishedAnnouncement {
  readonly status: 'published' | 'withdrawn';
  readonly announcementId: string;
  readonly target: AnnouncementTarget;
  readonly publisher: Publisher;
  readonly version: number;
  /** Question id → whether it was answered. */
  readonly questions: Readonly<Record<string, boolean>>;
}

export type AnnouncementState = { readonly status: 'none' } | PublishedAnnouncement;

export const initialState: AnnouncementState = { status: 'none' };

export function evolve(state: AnnouncementState, event: AnnouncementEvent): AnnouncementState {
  switch (event.type) {
    case 'AnnouncementPublished': {
      const { announcementId, target, publisher } = event.data;
      return { status: 'published', announcementId, target, publisher, version: 1, questions: {} };
    }
    case 'AnnouncementCorrected':
      return state.status === 'none' ? state : { ...state, version: event.data.version };
    case 'AnnouncementWithdrawn':
      return state.status === 'none' ? state : { ...state, status: 'withdrawn' };
    case 'AnnouncementQuestionAsked':
      return state.status === 'none'
        ? state
        : { ...state, questions: { ...state.questions, [event.data.questionId]: false } };
    case 'AnnouncementQuestionAnswered':
      return state.status === 'none'
        ? state
        : { ...state, questions: { ...state.questions, [event.data.questionId]: true } };
    default:
      return state;
  }
}
