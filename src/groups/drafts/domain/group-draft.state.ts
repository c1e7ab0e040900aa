import { assertNever } from '../../../platform/domain/decider';
import { DraftSignatureEvent, GroupDraftEvent, GroupDraftStarted } from './group-draft.events';

export type DraftFacts = GroupDraftStarted['data'];

/** `draftedBy` is null once the drafter was erased. */
export type GroupDraftState =
  | { status: 'none' }
  | (Omit<DraftFacts, 'draftedBy'> & { status: 'collecting'; draftedBy: string | null })
  | (Omit<DraftFacts, 'draftedBy'> & {
      status: 'submitted';
      draftedBy: string | null;
      aspirationId: string;
      signatures: number;
    });

export const initialDraftState: GroupDraftState = { status: 'none' };

export function evolveDraft(state: GroupDraftState, event: GroupDraftEvent): GroupDraftState {
  switch (event.type) {
    case 'GroupDraftStarted':
      return state.status === 'none' ? { ...event.data, status: 'collecting' } : state;
    case 'GroupDraftSubmitted': {
      if (state.status !== 'collecting') return state;
      const { aspirationId, signatures } = event.data;
      return { ...state, status: 'submitted', aspirationId, signatures };
    }
    default:
      return assertNever(event);
  }
}

export type DraftSignatureState = { status: 'none' } | { status: 'signed'; since: string };

export const initialSignatureState: DraftSignatureState = { status: 'none' };

export function evolveSignature(
  _state: DraftSignatureState,
  event: DraftSignatureEvent,
): DraftSignatureState {
  switch (event.type) {
    case 'GroupDraftSigned':
      return { status: 'signed', since: event.data.signedAt };
    default:
      return assertNever(event.type);
  }
}
