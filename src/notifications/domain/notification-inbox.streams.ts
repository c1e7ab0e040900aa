import { createHash } from 'node:crypto';

/** One stream per person, named by a digest of their id (as account streams are). */
export const notificationInboxStream = (personId: string): string =>
  `notification-inbox-${createHash('sha256').update(`notification-inbox:${personId}`).digest('hex').slice(0, 32)}`;
