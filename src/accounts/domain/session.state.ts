import { assertNever } from '../../platform/domain/decider';
import { SessionEndReason, SessionEvent } from './session.events';

export interface LiveSession {
  status: 'live';
  accountId: string;
  generation: number;
  tokenHash: string;
  /** Tokens this session already rotated away from: presenting one again is reuse. */
  spentHashes: string[];
  expiresAt: string;
}

export type SessionState =
  { status: 'none' } | LiveSession | { status: 'ended'; accountId: string; reason: SessionEndReason };

export const initialState: SessionState = { status: 'none' };

export function evolve(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionStarted': {
      const { accountId, generation, tokenHash, expiresAt } = event.data;
      return { status: 'live', accountId, generation, tokenHash, spentHashes: [], expiresAt };
    }
    case 'SessionRefreshed':
      if (state.status !== 'live') return state;
      return {
        ...state,
        tokenHash: event.data.tokenHash,
        spentHashes: [...state.spentHashes, state.tokenHash],
        expiresAt: event.data.expiresAt,
      };
    case 'SessionEnded':
      return { status: 'ended', accountId: event.data.accountId, reason: event.data.reason };
    default:
      return assertNever(event);
  }
}
