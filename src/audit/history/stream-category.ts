/**
 * The kinds of streams the log holds, named after their streams' prefixes (docs/events.md). A stream's category is
 * the longest of these its name starts with (followed by `-` or nothing); an unknown prefix is its own category.
 */
export const STREAM_CATEGORIES = [
  'aspiration',
  'endorsement',
  'agency',
  'group',
  'group-draft',
  'group-signature',
  'monitoring-report',
  'announcement',
  'announcement-ack',
  'account',
  'login',
  'session',
  'platform-first-admin',
  'security-audit',
  'audit-checkpoints',
  'open311-client',
] as const;

export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

const longestFirst = [...STREAM_CATEGORIES].sort((a, b) => b.length - a.length);

export function categoryOf(stream: string): string {
  const known = longestFirst.find((c) => stream === c || stream.startsWith(`${c}-`));
  return known ?? stream.split('-', 1)[0];
}

/** Streams only auditors read, whose entries show no personal data: who signs in, and how. */
export const ACCOUNT_CATEGORIES: ReadonlySet<string> = new Set([
  'account',
  'login',
  'session',
  'platform-first-admin',
  'security-audit',
]);
