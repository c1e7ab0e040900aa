import { Recipient } from '../platform/messages/outgoing-messages.port';

/** Signed checkpoints: how often, with which key, and who witnesses them. */
export interface AuditConfig {
  /** Base64 Ed25519 seed (32 bytes); unset: generated once in the data folder (audit-signing-key). */
  readonly signingKey?: string;
  /** How often the lease holder signs a checkpoint, when the log grew since the last one. */
  readonly checkpointIntervalMs: number;
  /** Where each new checkpoint is also sent, so the operator cannot quietly fork history. */
  readonly witnesses: readonly Recipient[];
}

export const DEFAULT_CHECKPOINT_MINUTES = 10;

export function auditConfigFromEnv(env: NodeJS.ProcessEnv): AuditConfig {
  const minutesText = env.SUARA_AUDIT_CHECKPOINT_MINUTES;
  const minutes = minutesText === undefined ? DEFAULT_CHECKPOINT_MINUTES : Number(minutesText);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new Error(`SUARA_AUDIT_CHECKPOINT_MINUTES must be a positive number, got "${minutesText}"`);
  return {
    signingKey: env.SUARA_AUDIT_SIGNING_KEY || undefined,
    checkpointIntervalMs: Math.round(minutes * 60_000),
    witnesses: witnessesFromEnv(env.SUARA_AUDIT_WITNESSES),
  };
}

/** Comma-separated: https URLs are webhooks (signed with SUARA_WEBHOOK_SECRET), anything with an @ is e-mail. */
export function witnessesFromEnv(text: string | undefined): Recipient[] {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry): Recipient => {
    if (/^https:\/\/[^\s]+$/.test(entry)) return { kind: 'webhook', url: entry };
    if (/^[^\s@]+@[^\s@]+$/.test(entry)) return { kind: 'email', address: entry };
    throw new Error(`SUARA_AUDIT_WITNESSES: "${entry}" is neither an https URL nor an e-mail address`);
  });
}
