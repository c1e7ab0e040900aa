import { DomainEvent } from '../domain/decider';
import { PersonalDataPolicy, PersonalField } from '../domain/personal-data';
import { RecordedEvent, NewEvent, StoredFields } from '../event-store/stored-event';
import { isWithheld } from '../event-store/event-hash';
import { KeyMissingError } from '../integrity/integrity-errors';
import { decryptField, encryptField, isEncrypted, keyIdOf } from '../personal-data/field-cipher';
import { KeyStore } from '../personal-data/key-store.port';
import { EventMetadata } from './event-metadata';

export const SCHEMA_VERSION = 1;
/** Key ids per key store query: well under SQLite's limit on bound parameters. */
const KEYS_PER_LOOKUP = 500;

/** A stored event made readable again: personal fields decrypted where the key still exists. */
export interface OpenedEvent<E extends DomainEvent = DomainEvent> {
  readonly event: E;
  readonly metadata: EventMetadata;
  readonly recorded: RecordedEvent;
  /** Field paths ('data.submittedBy') whose person was erased; their value reads as null. */
  readonly erased: readonly string[];
  /** Field paths whose content was withheld; their value reads as null. */
  readonly withheld: readonly string[];
}

/** Citizens are private persons: who acted is theirs to erase. Officials act in office and stay named. */
const personalMetadata = (metadata: EventMetadata): PersonalField[] =>
  metadata.role === 'citizen' && metadata.actor ? [{ field: 'actor', subject: metadata.actor }] : [];

/** Encrypts personal fields with each person's data key on the way in, and decrypts them on the way out. */
export class EventSealer {
  constructor(
    private readonly keys: KeyStore,
    private readonly policy: PersonalDataPolicy,
  ) {}

  async seal(eventId: string, event: DomainEvent, metadata: EventMetadata): Promise<NewEvent> {
    const keyIds = new Set<string>();
    const sealSection = async (section: string, fields: object, personal: PersonalField[]) => {
      const sealed: StoredFields = { ...fields };
      for (const { field, subject } of personal) {
        if (sealed[field] === undefined) continue;
        const key = await this.keys.keyFor(subject);
        sealed[field] = encryptField(sealed[field], key, `${eventId}:${section}.${field}`);
        keyIds.add(key.id);
      }
      return sealed;
    };
    const data = await sealSection('data', event.data, this.policy(event));
    const sealedMetadata = await sealSection('metadata', metadata, personalMetadata(metadata));
    return {
      id: eventId,
      type: event.type,
      schemaVersion: SCHEMA_VERSION,
      data,
      metadata: sealedMetadata,
      keyIds: [...keyIds],
    };
  }

  async open<E extends DomainEvent>(recorded: RecordedEvent): Promise<OpenedEvent<E>> {
    return this.openWith<E>(recorded, await this.keys.keysById(recorded.keyIds));
  }

  /** Opens many events with one look-up of the keys they share (a stream: its people's keys), not one per event. */
  async openAll<E extends DomainEvent>(recorded: readonly RecordedEvent[]): Promise<OpenedEvent<E>[]> {
    const ids = [...new Set(recorded.flatMap((event) => event.keyIds))];
    const keys = new Map<string, Buffer | null>();
    for (let i = 0; i < ids.length; i += KEYS_PER_LOOKUP)
      for (const [id, key] of await this.keys.keysById(ids.slice(i, i + KEYS_PER_LOOKUP))) keys.set(id, key);
    return recorded.map((event) => this.openWith<E>(event, keys));
  }

  /** Whether any of these keys was erased since (a tombstone): what was folded with them must be folded again. */
  async anyErased(keyIds: readonly string[]): Promise<boolean> {
    if (keyIds.length === 0) return false;
    for (let i = 0; i < keyIds.length; i += KEYS_PER_LOOKUP)
      for (const key of (await this.keys.keysById(keyIds.slice(i, i + KEYS_PER_LOOKUP))).values())
        if (key === null) return true;
    return false;
  }

  private openWith<E extends DomainEvent>(
    recorded: RecordedEvent,
    keys: ReadonlyMap<string, Buffer | null>,
  ): OpenedEvent<E> {
    const erased: string[] = [];
    const withheld: string[] = [];
    const openField = (path: string, value: unknown) => {
      if (isWithheld(value)) {
        withheld.push(path);
        return null;
      }
      if (!isEncrypted(value)) return value;
      const keyId = keyIdOf(value);
      const key = keys.get(keyId);
      // Only a tombstone means erasure; a key that is simply absent means a lost or older key store.
      if (key === undefined) throw new KeyMissingError(keyId, recorded.stream, recorded.position);
      if (key === null) {
        erased.push(path);
        return null;
      }
      return decryptField(value, key, `${recorded.id}:${path}`);
    };
    const openSection = (section: 'data' | 'metadata') =>
      Object.fromEntries(
        Object.entries(recorded[section]).map(([f, v]) => [f, openField(`${section}.${f}`, v)]),
      );
    const data = openSection('data');
    const metadata = openSection('metadata') as unknown as EventMetadata;
    return { event: { type: recorded.type, data } as unknown as E, metadata, recorded, erased, withheld };
  }
}

/** Combines the personal-data policies of every feature into one. */
export const combinePolicies =
  (...policies: PersonalDataPolicy[]): PersonalDataPolicy =>
  (event) =>
    policies.flatMap((policy) => policy(event));
