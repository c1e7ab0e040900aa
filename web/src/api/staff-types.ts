// The shapes the staff pages read, as docs/api.md and the OpenAPI document describe them.

/** One event of a thread's stream, redacted for the caller (GET /api/aspirations/{id}/history). */
export interface HistoryEntry {
  readonly position: string;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string | null; readonly role: string };
  readonly data: Record<string, unknown>;
  readonly erased: readonly string[];
  readonly withheld: readonly string[];
  readonly hash: string;
  readonly previousHash: string | null;
}

export interface AspirationHistory {
  readonly aspirationId: string;
  readonly events: readonly HistoryEntry[];
}

/** POST /api/invitations (and its codes and withdrawal). */
export interface Invitation {
  readonly invitationId: string;
  readonly status: 'invited' | 'withdrawn';
  readonly expiresAt?: string;
}

/** PUT and DELETE /api/accounts/{accountId}/role. */
export interface AccountRole {
  readonly accountId: string;
  readonly role: string;
  readonly regionCode?: string;
  readonly position: string | null;
}
