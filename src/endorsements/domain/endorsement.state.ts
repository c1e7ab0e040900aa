import { assertNever } from '../../platform/domain/decider';
import { EndorsementEvent } from './endorsement.events';

export type EndorsementState =
  { status: 'none' } | { status: 'endorsed'; since: string } | { status: 'withdrawn' };

export const initialState: EndorsementState = { status: 'none' };

export function evolve(_state: EndorsementState, event: EndorsementEvent): EndorsementState {
  switch (event.type) {
    case 'AspirationEndorsed':
      return { status: 'endorsed', since: event.data.endorsedAt };
    case 'EndorsementWithdrawn':
      return { status: 'withdrawn' };
    default:
      return assertNever(event);
  }
}
