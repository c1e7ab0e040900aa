import { createHash } from 'node:crypto';

/** One stream per draft. */
export const groupDraftStream = (draftId: string): string => `group-draft-${draftId}`;

/** One stream per (draft, member): hashed so that the stream name never reveals who signed. */
export function draftSignatureStream(draftId: string, memberId: string): string {
  const pair = createHash('sha256').update(`${draftId}:${memberId}`).digest('hex').slice(0, 32);
  return `group-signature-${draftId}-${pair}`;
}
