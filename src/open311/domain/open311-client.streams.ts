/** One stream per client application; its id is random, so the name says nothing about the application. */
export const open311ClientStream = (clientId: string): string => `open311-client-${clientId}`;
