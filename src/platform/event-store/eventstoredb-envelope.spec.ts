import { JSONEventData } from '@eventstore/db-client';
import { chainEvent, findChainBreak, hashEvent } from './event-hash';
import {
  EsdbRecord,
  esdbMetadataOf,
  isSystemRecord,
  recognise,
  toProposedEvent,
} from './eventstoredb-envelope';
import { EventEnvelope, RecordedEvent } from './stored-event';

const metadata = {
  actor: { $enc: 'v1:key-1:aGVsbG8' },
  role: 'citizen',
  commandId: 'c0a80101-0000-8000-8000-000000000001',
  requestDigest: 'ab'.repeat(32),
  correlationId: 'kim-katingan-42',
  causationId: 'c0a80101-0000-8000-8000-000000000001',
  occurredAt: '2026-11-27T03:00:00.000Z',
};

const first = chainEvent(
  {
    id: '0b9f3c52-8d6e-8a41-9c1d-3f5e7a9b1c2d',
    stream: 'aspiration-1',
    type: 'AspirationSubmitted',
    schemaVersion: 1,
    data: { title: 'Jalan rusak di Kasongan', regionCode: '62.06.02' },
    metadata,
    keyIds: ['key-1'],
  },
  undefined,
);
const second = chainEvent(
  { ...first, id: '1c2d3e4f-5a6b-8c7d-8e9f-0a1b2c3d4e5f', type: 'AspirationVerified', data: {} },
  first,
);

const position = (commit: bigint) => ({ commit, prepare: commit });

/** What the client 6.2.1 hands back for what it was given: it JSON-encodes data and metadata, then parses them. */
function storedAndReadBack(event: EventEnvelope, commit: bigint): EsdbRecord {
  const proposed = toProposedEvent(event) as JSONEventData;
  return {
    streamId: event.stream,
    id: proposed.id,
    revision: BigInt(event.revision),
    type: proposed.type,
    isJson: proposed.contentType === 'application/json',
    data: JSON.parse(JSON.stringify(proposed.data)),
    metadata: JSON.parse(JSON.stringify(proposed.metadata)),
    created: new Date('2026-11-27T03:00:01.000Z'),
    position: position(commit),
  };
}

const recognised = (record: EsdbRecord): RecordedEvent => {
  const result = recognise(record);
  if (!('event' in result)) throw new Error(`not recognised: ${result.foreign}`);
  return result.event;
};

describe('EventStoreDB event metadata', () => {
  it('copies the correlation and causation ids to the top-level keys the server projections read', () => {
    const stored = esdbMetadataOf(first);
    expect(stored.$correlationId).toBe('kim-katingan-42');
    expect(stored.$causationId).toBe(metadata.causationId);
    expect(stored.metadata).toBe(first.metadata);
  });

  it('leaves the copies out when the ids are not plain strings', () => {
    const sealed = {
      ...first,
      metadata: { ...metadata, correlationId: { $enc: 'x' }, causationId: undefined },
    };
    expect(esdbMetadataOf(sealed)).not.toHaveProperty('$correlationId');
    expect(esdbMetadataOf(sealed)).not.toHaveProperty('$causationId');
  });

  it('proposes a JSON event under the envelope id and type', () => {
    const proposed = toProposedEvent(first);
    expect(proposed).toMatchObject({ id: first.id, type: first.type, contentType: 'application/json' });
    expect(proposed.data).toEqual(first.data);
  });

  it('reads back the envelope that was hashed, so the chain verifies after a round trip', () => {
    const events = [storedAndReadBack(first, 100n), storedAndReadBack(second, 200n)].map(recognised);
    const { position: _p, recordedAt: _r, ...envelope } = events[0];
    expect(envelope).toEqual(first);
    expect(events[0].metadata).not.toHaveProperty('$correlationId');
    expect(events[1].position).toBe((200n << 64n) + 200n);
    expect(findChainBreak(events)).toBeUndefined();
  });

  it('hashes an event stored before the $ keys existed exactly as before: they are outside the hash', () => {
    const withCopies = storedAndReadBack(first, 100n);
    const {
      $correlationId: _c,
      $causationId: _d,
      ...before
    } = withCopies.metadata as Record<string, unknown>;
    // Pinned: this envelope hashed to this before the copies were added, and must for ever.
    expect(first.hash).toBe('34625ab6deb8b63bdf4d3ba2d7a954a3b0b1ee9d8ee14a1d7006a91b37f3c775');
    const older = recognised({ ...withCopies, metadata: before });
    const newer = recognised(withCopies);
    expect(older).toEqual(newer);
    expect(hashEvent(older)).toBe(first.hash);
    expect(hashEvent(newer)).toBe(first.hash);
    // Copies that disagree with the envelope (edited by hand) change nothing that is verified.
    const edited = recognised({ ...withCopies, metadata: { ...before, $correlationId: 'someone-else' } });
    expect(hashEvent(edited)).toBe(first.hash);
  });
});

describe('recognising a Suara Warga envelope', () => {
  const ours = storedAndReadBack(first, 100n);
  const m = ours.metadata as Record<string, unknown>;
  const foreign: Array<[string, Partial<EsdbRecord>]> = [
    ['binary content', { isJson: false, data: new Uint8Array([1, 2]) }],
    ['malformed JSON (the client hands back the raw text)', { data: '{"title": "Jalan' }],
    ['data that is an array', { data: [1, 2] }],
    ['no metadata', { metadata: undefined }],
    ['metadata that did not parse (bytes)', { metadata: new Uint8Array([123]) }],
    ["another application's metadata", { metadata: { $correlationId: 'x', userId: 7 } }],
    ['an envelope without hash', { metadata: { ...m, hash: undefined } }],
    ['an envelope with a numeric previous hash', { metadata: { ...m, previousHash: 7 } }],
    ['key ids that are not strings', { metadata: { ...m, keyIds: [1] } }],
    ['a fractional schema version', { metadata: { ...m, schemaVersion: 1.5 } }],
  ];

  it.each(foreign)('says why a record with %s is not one of ours', (_, change) => {
    const result = recognise({ ...ours, ...change });
    expect(result).toEqual({ foreign: expect.stringMatching(/^its /) });
  });

  it('refuses an envelope of ours without its log position: a server older than 22.6', () => {
    expect(() => recognise({ ...ours, position: undefined })).toThrow(/22\.6\.0 or later/);
    const noPosition = (1n << 64n) - 1n;
    expect(() => recognise({ ...ours, position: { commit: noPosition, prepare: noPosition } })).toThrow(
      /22\.6\.0/,
    );
  });

  it("tells the server's own records (system streams, metadata streams, links) from the rest", () => {
    expect(isSystemRecord(ours)).toBe(false);
    expect(isSystemRecord({ ...ours, streamId: '$ce-aspiration' })).toBe(true);
    expect(isSystemRecord({ ...ours, streamId: '$$aspiration-1' })).toBe(true);
    expect(isSystemRecord({ ...ours, type: '$>' })).toBe(true);
    expect(isSystemRecord({ ...ours, type: '$metadata' })).toBe(true);
  });
});
