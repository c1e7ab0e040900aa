import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ME_TOPIC, personKey } from '../notifications/read-models/notification.document';
import { Actor, Role } from '../platform/domain/decider';
import { DomainError } from '../platform/domain/domain-errors';
import { SqliteDocumentStore } from '../platform/document-store/sqlite-document-store';
import { SqliteEventStore } from '../platform/event-store/sqlite-event-store';
import { ReadModels } from '../platform/read-models/read-models';
import { changeRooms } from './live-rooms';
import { TopicAccess } from './topic-access';

describe('TopicAccess: `me`, one’s own notifications', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-topics-'));
  const documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  const access = new TopicAccess(new ReadModels(documents, events));
  afterAll(async () => {
    documents.close();
    await events.close();
  });

  const roles: Role[] = ['citizen', 'facilitator', 'auditor', 'admin', 'official:dinas-pupr'];
  const actor = fc.record({
    id: fc.string({ minLength: 1, maxLength: 40 }),
    role: fc.constantFrom(...roles),
  });

  it('lets a person join as themselves: their key is the audience, their room the only one', async () => {
    const grant = await access.grant({ id: 'warga-1', role: 'citizen' }, ME_TOPIC, undefined);
    expect(grant).toEqual({ audience: personKey('warga-1'), room: `me#${personKey('warga-1')}` });
    expect(changeRooms(ME_TOPIC, personKey('warga-1'), {})).toEqual([grant.room]);
  });

  it('never puts anyone in a room another person’s payload goes to, whatever their role', async () => {
    await fc.assert(
      fc.asyncProperty(actor, actor, async (joining: Actor, other: Actor) => {
        fc.pre(joining.id !== other.id);
        const { room } = await access.grant(joining, ME_TOPIC, undefined);
        expect(changeRooms(ME_TOPIC, personKey(other.id), {})).not.toContain(room);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a connection without a token: nobody’s notifications are anonymous', async () => {
    const refusal = await access.grant(undefined, ME_TOPIC, undefined).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ kind: 'unauthenticated', code: 'not_authenticated' });
  });
});
