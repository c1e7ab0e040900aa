/** One stream per aspiration. */
export const aspirationStream = (aspirationId: string): string => `aspiration-${aspirationId}`;
