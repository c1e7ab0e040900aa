import { createHash } from 'node:crypto';

/** One stream per announcement (its versions, withdrawal, questions and answers). */
export const announcementStream = (announcementId: string): string => `announcement-${announcementId}`;

/** One stream per (announcement, person): hashed so that the stream name never reveals who acknowledged. */
export function acknowledgementStream(announcementId: string, personId: string): string {
  const pair = createHash('sha256').update(`${announcementId}:${personId}`).digest('hex').slice(0, 32);
  return `announcement-ack-${announcementId}-${pair}`;
}
