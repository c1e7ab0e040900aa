import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDocumentStore } from '../../platform/document-store/sqlite-document-store';
import { SqliteEventStore } from '../../platform/event-store/sqlite-event-store';
import { testEvent, uniqueStream } from '../../platform/event-store/testing/test-events';
import { IntegrityFailureError } from '../../platform/integrity/integrity-errors';
import { leafOf, logLeafHash } from '../log-leaf';
import { MemoryMerkleTree } from '../merkle/memory-merkle-tree';
import { LogForkedError, MerkleTreeStore } from './merkle-tree-store';

function stores() {
  const dir = mkdtempSync(join(tmpdir(), 'suara-merkle-'));
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  const documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
  return { dir, events, documents, close: () => Promise.all([events.close(), documents.close()]) };
}

/** The tree of the log as it is, built in memory from scratch: what the stored tree must always agree with. */
async function memoryTreeOf(events: SqliteEventStore): Promise<MemoryMerkleTree> {
  const tree = new MemoryMerkleTree();
  for (const event of await events.readAll()) tree.append(logLeafHash(leafOf(event)));
  return tree;
}

const hex = (hashes: Buffer[]) => hashes.map((hash) => hash.toString('hex'));

describe('the Merkle tree kept in the document store', () => {
  it('agrees with a tree built from scratch at every size, however the catch-ups fall', async () => {
    const { events, documents, close } = stores();
    const tree = new MerkleTreeStore(events, documents);
    try {
      // Uneven batches, some across the store's page of 1,000, so the frontier is reloaded at many sizes.
      for (const count of [1, 2, 5, 1, 13, 1_100, 3, 64]) {
        await events.append(
          uniqueStream(),
          Array.from({ length: count }, (_, i) => testEvent(`e${i}`)),
          'no_stream',
        );
        const head = await tree.catchUp();
        const memory = await memoryTreeOf(events);
        expect(head.size).toBe(memory.size);
        for (const size of [1, Math.ceil(head.size / 3), head.size - 1, head.size].filter((n) => n > 0)) {
          expect((await tree.root(size)).toString('hex')).toBe(memory.root(size).toString('hex'));
          const index = Math.floor(size / 2);
          expect(hex(await tree.inclusionProof(index, size))).toEqual(
            hex(memory.inclusionProof(index, size)),
          );
          expect(hex(await tree.consistencyProof(index, size))).toEqual(
            hex(memory.consistencyProof(index, size)),
          );
        }
      }
    } finally {
      await close();
    }
  });

  it('writes the same tree when two processes catch up at once', async () => {
    const { dir, events, documents, close } = stores();
    const other = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    try {
      for (let i = 0; i < 20; i++)
        await events.append(uniqueStream(), [testEvent('a'), testEvent('b')], 'no_stream');
      const [a, b] = await Promise.all([
        new MerkleTreeStore(events, documents).catchUp(),
        new MerkleTreeStore(events, other).catchUp(),
      ]);
      expect(a).toEqual(b);
      const root = await new MerkleTreeStore(events, documents).root(a.size);
      expect(root.toString('hex')).toBe((await memoryTreeOf(events)).root().toString('hex'));
    } finally {
      await other.close();
      await close();
    }
  });

  it('never adopts an edited event: it stops before it, and names it', async () => {
    const { dir, events, documents, close } = stores();
    const tree = new MerkleTreeStore(events, documents);
    try {
      await events.append('kept', [testEvent('one')], 'no_stream');
      const { position } = await events.append('edited', [testEvent('two')], 'no_stream');
      const db = new Database(join(dir, 'events.sqlite'));
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run('{"label":"forged"}', Number(position));
      db.close();
      await expect(tree.catchUp()).rejects.toBeInstanceOf(IntegrityFailureError);
      expect((await tree.head()).size).toBe(1);
    } finally {
      await close();
    }
  });

  it('refuses to go on when the log no longer holds the last event it covers (restored from an older copy)', async () => {
    const { dir, events, documents, close } = stores();
    const tree = new MerkleTreeStore(events, documents);
    try {
      await events.append('first', [testEvent('one')], 'no_stream');
      const { position } = await events.append('second', [testEvent('two')], 'no_stream');
      await tree.catchUp();
      const db = new Database(join(dir, 'events.sqlite'));
      db.prepare('DELETE FROM events WHERE position = ?').run(Number(position));
      db.close();
      await events.append('third', [testEvent('three')], 'no_stream');
      await expect(tree.catchUp()).rejects.toBeInstanceOf(LogForkedError);
    } finally {
      await close();
    }
  });
});
