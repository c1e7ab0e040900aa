import { Doc, Filter, IndexSpec } from '../../src/platform/document-store/document-store.port';
import { ProjectedEvent } from '../../src/platform/read-models/projected-event';

// The event type lives in src/ so that the as-of views (time travel) fold exactly what the runner projects.
export type { ProjectedEvent };

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

/** Documents only a query can name (every thread naming a person), as the batch has them so far. */
export interface DocumentQuery {
  readonly collection: string;
  readonly filter: Filter;
}

export type DocumentSearch = (query: DocumentQuery) => Doc[];

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
  /** The documents an event touches that its data cannot name; the runner loads them with the batch. */
  finds?(event: ProjectedEvent): readonly DocumentQuery[];
  /** `search` answers the queries `finds` asked, over what is stored and what earlier events of the batch put. */
  project(event: ProjectedEvent, documents: DocumentLookup, search: DocumentSearch): ProjectionResult;
}
