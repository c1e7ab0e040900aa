import { Logger } from '@nestjs/common';
import { problemOf } from '../platform/http/problem-details.filter';

/** What `change` carries: one change-log entry as the subscriber's audience may see it. */
export interface ChangeMessage {
  readonly topic: string;
  readonly position: string;
  readonly eventType: string;
  readonly payload: unknown;
}

export interface LiveError {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/** The answer to `subscribe` and `unsubscribe`: the position the subscriber is now current to, or why not. */
export type LiveAck =
  | { readonly ok: true; readonly topic: string; readonly position: string; readonly refetch?: true }
  | { readonly ok: false; readonly error: LiveError };

/** The answer to `reauthenticate`: the new expiry; with a new role, every subscription ended (resubscribe). */
export interface ReauthenticatedAck {
  readonly ok: true;
  readonly expiresAt: string;
  readonly subscriptionsEnded: number;
}

export type AckFn = (ack: LiveAck | ReauthenticatedAck) => void;

/** Sent when a subscription ends without the client asking: its audience lost access (e.g. forwarded away). */
export interface UnsubscribedMessage {
  readonly topic: string;
  readonly position: string;
  readonly reason: 'access_changed' | 'role_changed';
}

/** A refusal of the live protocol itself (limits, cancelled requests), with its stable code. */
export class LiveRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'LiveRefusal';
  }
}

const logger = new Logger('Live');

/** Any error as an error ack, with the same codes as the HTTP problem details. */
export function errorAck(error: unknown): LiveAck {
  if (error instanceof LiveRefusal)
    return { ok: false, error: { code: error.code, message: error.message, ...fieldOf(error.field) } };
  const problem = problemOf(error);
  if (problem.status >= 500) logger.error(error instanceof Error ? error.stack : String(error));
  const message = problem.detail ?? problem.title;
  return { ok: false, error: { code: problem.code, message, ...fieldOf(problem.errors?.[0]?.field) } };
}

const fieldOf = (field: string | undefined) => (field === undefined ? {} : { field });
