/** One stream per agency. */
export const agencyStream = (agencyId: string): string => `agency-${agencyId}`;
