import { Doc, IndexSpec } from '../../src/platform/document-store/document-store.port';

/** An event as projections see it: opened (personal fields decrypted where the key exists), with its position. */
export interface ProjectedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly stream: string;
  readonly position: bigint;
  readonly actor: { readonly id: string | null; readonly role: string };
  readonly occurredAt: string;
}

export interface DocumentKey {
  readonly collection: string;
  readonly id: string;
}

export type ProjectionOperation =
  | { readonly collection: string; readonly put: Doc }
  | { readonly collection: string; readonly delete: string };

/** A change-log entry before the runner gives it the event's position and type. */
export interface ChangeDraft {
  readonly topic: string;
  readonly payloads: Readonly<Record<string, unknown>>;
}

export interface ProjectionResult {
  readonly operations: readonly ProjectionOperation[];
  readonly changes: readonly ChangeDraft[];
}

export type DocumentLookup = (key: DocumentKey) => Doc | undefined;

/**
 * A read model: which documents an event touches (so the runner loads them for a whole batch at once), and a pure
 * function from the event and those documents to whole-document writes and change-log entries.
 */
export interface Projection {
  readonly name: string;
  /** Logical collection names with their indexes; the runner maps them to a generation's physical names. */
  readonly collections: Readonly<Record<string, readonly IndexSpec[]>>;
  handles(eventType: string): boolean;
  touches(event: ProjectedEvent): readonly DocumentKey[];
  project(event: ProjectedEvent, documents: DocumentLookup): ProjectionResult;
}
