import { RecordedEvent } from './stored-event';

/** An events row as SQLite returns it. */
export interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  previous_hash: string | null;
  hash: string;
  key_ids: string;
  recorded_at: string;
}

const COLUMNS: ReadonlyArray<keyof EventRow> = [
  'position',
  'id',
  'stream',
  'revision',
  'type',
  'schema_version',
  'data',
  'metadata',
  'previous_hash',
  'hash',
  'key_ids',
  'recorded_at',
];

const sameRow = (a: EventRow, b: EventRow) => COLUMNS.every((column) => a[column] === b[column]);

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) freezeDeep(inner);
  }
  return value;
}

/**
 * The events read last, by position, each with the row it was made from. A row read again exactly as it was (every
 * column compared) gives back the same frozen event, so the several projections that each read every event parse it
 * once, and verify its hash once (event-hash.ts remembers which frozen events verified). A row that changed on disk
 * is made into a new event, and verified anew.
 */
export class RecentEvents {
  private readonly events = new Map<number, { row: EventRow; event: RecordedEvent }>();

  constructor(
    private readonly toRecorded: (row: EventRow) => RecordedEvent,
    private readonly capacity = 2_048,
  ) {}

  recorded(row: EventRow): RecordedEvent {
    const kept = this.events.get(row.position);
    if (kept && sameRow(kept.row, row)) return kept.event;
    const event = freezeDeep(this.toRecorded(row));
    this.events.delete(row.position);
    this.events.set(row.position, { row, event });
    if (this.events.size > this.capacity) this.events.delete(this.events.keys().next().value!);
    return event;
  }
}
