import {
  AppendResult as EsdbAppendResult,
  NO_STREAM,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from './event-store.errors';
import { appendOutcome, esdbExpectedRevision, portErrorOf } from './eventstoredb-append';
import { toGlobalPosition } from './eventstoredb-position';

const head = { revision: 4, hash: 'f'.repeat(64) };
const reply = (overrides: Partial<EsdbAppendResult>): EsdbAppendResult => ({
  success: true,
  nextExpectedRevision: 6n,
  position: { commit: 9_000n, prepare: 9_000n },
  ...overrides,
});

describe('EventStoreDB appends (client 6.2.1 replies)', () => {
  it('expects the head the events chain onto, or no stream', () => {
    expect(esdbExpectedRevision(head)).toBe(4n);
    expect(esdbExpectedRevision(undefined)).toBe(NO_STREAM);
  });

  it("takes the position and revision from the reply: its position is the last event's", () => {
    expect(appendOutcome('s', head, 6, reply({}))).toEqual({
      position: toGlobalPosition({ commit: 9_000n, prepare: 9_000n }),
      revision: 6,
    });
  });

  it('turns success: false (throwOnAppendFailure=false) into a conflict whose actual revision is unknown', () => {
    // The client's batch append reports BigInt(hasCurrentStreamRevision()), i.e. 1n, whatever the revision.
    const refused = () => appendOutcome('s', head, 6, reply({ success: false, nextExpectedRevision: 1n }));
    expect(refused).toThrow(WrongExpectedRevisionError);
    expect(refused).toThrow(expect.objectContaining({ stream: 's', expected: head, actual: 'unknown' }));
  });

  it('turns a deduplicated write that came back without a position into a conflict, as SQLite answers it', () => {
    const deduplicated = () =>
      appendOutcome('s', 'no_stream', 1, reply({ nextExpectedRevision: 1n, position: undefined }));
    expect(deduplicated).toThrow(expect.objectContaining({ actual: 1 }));
    const noPosition = (1n << 64n) - 1n;
    expect(() =>
      appendOutcome('s', head, 6, reply({ position: { commit: noPosition, prepare: noPosition } })),
    ).toThrow(WrongExpectedRevisionError);
  });

  it('refuses a reply that ends at another revision than the chain was built for', () => {
    expect(() => appendOutcome('s', head, 6, reply({ nextExpectedRevision: 7n }))).toThrow(
      /revision 7, not 6/,
    );
  });

  it("maps the client's WrongExpectedVersionError to the port's conflict, and leaves other errors alone", () => {
    const conflict = (current: bigint | typeof NO_STREAM) =>
      portErrorOf(
        's',
        head,
        new WrongExpectedVersionError(undefined, { streamName: 's', current, expected: 4n }),
      );
    expect(conflict(7n)).toEqual(expect.objectContaining({ stream: 's', expected: head, actual: 7 }));
    expect(conflict(7n)).toBeInstanceOf(WrongExpectedRevisionError);
    expect(conflict(NO_STREAM)).toEqual(expect.objectContaining({ actual: 'no_stream' }));
    const unavailable = new Error('14 UNAVAILABLE');
    expect(portErrorOf('s', head, unavailable)).toBe(unavailable);
  });

  it('names the expected revision, not the head object, in the conflict message', () => {
    expect(new WrongExpectedRevisionError('s', head, 5).message).toBe(
      'Stream s: expected revision 4, actual 5',
    );
  });
});
