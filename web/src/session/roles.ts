import { SessionState, Signed } from './session';

/** A role as the token carries it, split into its kind and what binds it (an agency, a region). */
export type StaffRole =
  | { readonly kind: 'facilitator'; readonly regionCode?: string }
  | { readonly kind: 'official'; readonly agencyId: string }
  | { readonly kind: 'auditor' }
  | { readonly kind: 'admin' };

const OFFICIAL = 'official:';

/** For display only: the server checks every request against the token itself. */
export function staffRoleOf(me: Signed): StaffRole | undefined {
  if (me.role === 'facilitator') return { kind: 'facilitator', regionCode: me.regionCode };
  if (me.role.startsWith(OFFICIAL)) return { kind: 'official', agencyId: me.role.slice(OFFICIAL.length) };
  if (me.role === 'auditor' || me.role === 'admin') return { kind: me.role };
  return undefined;
}

export type StaffKind = StaffRole['kind'];

/** The staff role of whoever is signed in, when it is one of `kinds`. */
export function staffIn(state: SessionState, kinds: readonly StaffKind[]): StaffRole | undefined {
  if (state.status !== 'signed_in') return undefined;
  const role = staffRoleOf(state);
  return role && kinds.includes(role.kind) ? role : undefined;
}

/** Citizens (and visitors) submit for themselves; staff do not. */
export const isCitizen = (state: SessionState): boolean =>
  state.status !== 'signed_in' || staffRoleOf(state) === undefined;
