import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDocumentStore } from '../document-store/sqlite-document-store';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { testEvent } from '../event-store/testing/test-events';
import { checkpointName, currentGeneration } from './generations';
import { ReadModels } from './read-models';

// A wait longer than the test's own timeout: a read that waited out its bound fails the test instead.
const FOREVER_MS = 600_000;

describe('ReadModels: waiting for a client’s position (read-your-writes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-read-models-'));
  const documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  const readModels = new ReadModels(documents, events);
  afterAll(async () => {
    await documents.close();
    await events.close();
  });

  const project = async (position: bigint) => {
    const name = checkpointName('threads', await currentGeneration(documents, 'threads'));
    await documents.commit({ writes: [], changes: [], checkpoint: { name, position } });
  };

  it('waits for a position the log holds until the read model reaches it', async () => {
    const { position } = await events.append('thread-1', [testEvent('submitted')], 'no_stream');
    const projected = new Promise((resolve) => setTimeout(() => resolve(project(position)), 50));
    await expect(readModels.reached('threads', position, FOREVER_MS)).resolves.toBe(position);
    await projected;
  });

  it('answers at once, as it is, for a position beyond the log’s head (an older log restored, a made-up number)', async () => {
    const head = (await events.headPosition())!;
    await expect(readModels.reached('threads', head + 1n, FOREVER_MS)).resolves.toBe(head);
    await expect(readModels.reached('threads', 10n ** 38n, FOREVER_MS)).resolves.toBe(head);
  });

  it('answers at once without a position, and when the read model is already there', async () => {
    const head = (await events.headPosition())!;
    await expect(readModels.reached('threads', undefined, FOREVER_MS)).resolves.toBe(head);
    await expect(readModels.reached('threads', head, FOREVER_MS)).resolves.toBe(head);
  });
});
