import { createHash } from 'node:crypto';

/** One stream per group. */
export const groupStream = (groupId: string): string => `group-${groupId}`;

/**
 * How a group's member list and commands name a member: a digest of (group, person), so no account id leaves the
 * group's own views and one person's keys in two groups cannot be linked. Account ids are random: not reversible.
 */
export const memberKeyOf = (groupId: string, personId: string): string =>
  createHash('sha256').update(`group-member:${groupId}:${personId}`).digest('hex').slice(0, 32);

export const MEMBER_KEY_PATTERN = /^[0-9a-f]{32}$/;
