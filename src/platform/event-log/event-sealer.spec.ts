import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalDataPolicy } from '../domain/personal-data';
import { findChainBreak, withholdField } from '../event-store/event-hash';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { KeyMissingError } from '../integrity/integrity-errors';
import { KeyStore } from '../personal-data/key-store.port';
import { SqliteKeyStore } from '../personal-data/sqlite-key-store';
import { EventMetadata } from './event-metadata';
import { EventSealer } from './event-sealer';

const policy: PersonalDataPolicy = (event) =>
  event.type === 'Submitted'
    ? [{ field: 'submittedBy', subject: (event.data as { submittedBy: string }).submittedBy }]
    : [];

const metadata = (actor: string, role: EventMetadata['role']): EventMetadata => ({
  actor,
  role,
  commandId: 'cmd-1',
  requestDigest: 'digest',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  occurredAt: '2026-11-27T01:00:00.000Z',
});

describe('the stored event envelope', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-envelope-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  const sealer = new EventSealer(keys, policy);
  afterAll(async () => Promise.all([store.close(), keys.close()]));

  async function appendThread(stream: string, citizen: string) {
    const submitted = await sealer.seal(
      `${stream}-0`,
      { type: 'Submitted', data: { title: 'Jalan rusak', submittedBy: citizen } },
      metadata(citizen, 'citizen'),
    );
    const answered = await sealer.seal(
      `${stream}-1`,
      { type: 'Answered', data: { body: 'Segera diperbaiki' } },
      metadata('official-9', 'official:dinas-pupr'),
    );
    await store.append(stream, [submitted, answered], 'no_stream');
    return store.readStream(stream);
  }

  it('stores personal fields encrypted with the person key and records the key id', async () => {
    const [submitted, answered] = await appendThread('thread-a', 'citizen-a');
    const key = await keys.keyFor('citizen-a');
    expect(JSON.stringify(submitted.data) + JSON.stringify(submitted.metadata)).not.toContain('citizen-a');
    expect(submitted.keyIds).toEqual([key.id]);
    expect(submitted.data.title).toBe('Jalan rusak');
    expect(answered.metadata.actor).toBe('official-9');
    expect(answered.keyIds).toEqual([]);
    const opened = await sealer.open(submitted);
    expect(opened.event.data).toEqual({ title: 'Jalan rusak', submittedBy: 'citizen-a' });
    expect(opened.metadata.actor).toBe('citizen-a');
    expect(opened.erased).toEqual([]);
  });

  it('makes an erased person unreadable while the chain still verifies', async () => {
    const events = await appendThread('thread-b', 'citizen-b');
    await keys.erase('citizen-b');
    const opened = await sealer.open(events[0]);
    expect(opened.event.data).toEqual({ title: 'Jalan rusak', submittedBy: null });
    expect(opened.metadata.actor).toBeNull();
    expect(opened.erased).toEqual(['data.submittedBy', 'metadata.actor']);
    expect(findChainBreak(await store.readStream('thread-b'))).toBeUndefined();
  });

  it('refuses to read a key that is absent without an erasure tombstone as an erasure', async () => {
    const [submitted] = await appendThread('thread-f', 'citizen-f');
    const otherKeys = new SqliteKeyStore(join(dir, 'older-keys.sqlite'));
    try {
      const lost = new EventSealer(otherKeys, policy);
      const opening = lost.open(submitted);
      await expect(opening).rejects.toBeInstanceOf(KeyMissingError);
      await expect(opening).rejects.toMatchObject({ keyId: submitted.keyIds[0], stream: 'thread-f' });
    } finally {
      await otherKeys.close();
    }
  });

  it('keeps the chain verifiable when one field content is withheld, and names it', async () => {
    const events = await appendThread('thread-c', 'citizen-c');
    const redacted = [events[0], withholdField(events[1], 'data.body')];
    expect(JSON.stringify(redacted[1].data)).not.toContain('Segera diperbaiki');
    expect(findChainBreak(redacted)).toBeUndefined();
    const opened = await sealer.open(redacted[1]);
    expect(opened.event.data).toEqual({ body: null });
    expect(opened.withheld).toEqual(['data.body']);
  });

  it('opens many events with one key look-up, each as open alone does; an erased key reads as erased', async () => {
    const events = [
      ...(await appendThread('thread-g', 'citizen-g')),
      ...(await appendThread('thread-h', 'citizen-h')),
    ];
    await keys.erase('citizen-h');
    const lookups: string[][] = [];
    // The real key store, its look-ups counted.
    const counting: KeyStore = {
      keyFor: (subject) => keys.keyFor(subject),
      keysById: (ids) => (lookups.push([...ids]), keys.keysById(ids)),
      isEmpty: () => keys.isEmpty(),
      erase: (subject) => keys.erase(subject),
      close: async () => undefined,
    };
    const counted = new EventSealer(counting, policy);
    const one = await Promise.all(events.map((event) => sealer.open(event)));
    expect(await counted.openAll(events)).toEqual(one);
    expect(lookups).toHaveLength(1);
    expect(one.map((opened) => opened.erased)).toEqual([[], [], ['data.submittedBy', 'metadata.actor'], []]);
  });

  it('detects a ciphertext moved from one event to another', async () => {
    const [first] = await appendThread('thread-d', 'citizen-d');
    const [other] = await appendThread('thread-e', 'citizen-d');
    const swapped = { ...other, data: { ...other.data, submittedBy: first.data.submittedBy } };
    await expect(sealer.open(swapped)).rejects.toThrow();
  });
});
