import { Outcome, Outcomes, Role, ROLES } from '../outcomes';

// audienceOf (src/aspirations/aspiration-access.ts): one rule for the history, the read models and /live.

/** The situations the read rows and thread topics are tried in. */
export const READ_SITUATIONS = ['submitted', 'assigned', 'confidential'] as const;
export type ReadSituation = (typeof READ_SITUATIONS)[number];

/** Who sees the aspiration at all in each situation. */
const SEES: Record<ReadSituation, readonly Role[]> = {
  // Before verification: its submitter, facilitators of its region and auditors.
  submitted: ['submitter', 'facilitator', 'auditor'],
  // Verified and public: anyone, without a token too.
  assigned: ROLES,
  // Confidential: never public; the assigned agency's officials see it too. Elsewhere a facilitator is the public.
  confidential: ['submitter', 'facilitator', 'official', 'auditor'],
};

/** `seen` for those who see it in that situation, `unseen` for the rest. */
export const byVisibility = (situation: ReadSituation, seen: Outcome, unseen: Outcome): Outcomes =>
  Object.fromEntries(ROLES.map((role) => [role, SEES[situation].includes(role) ? seen : unseen])) as Record<
    Role,
    Outcome
  >;
