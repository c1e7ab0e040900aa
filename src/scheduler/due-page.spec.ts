import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aspirationsProjection } from '../../projections/aspirations/aspirations.projection';
import { ThreadDocument } from '../aspirations/read-models/thread.document';
import { SqliteDocumentStore } from '../platform/document-store/sqlite-document-store';
import { duePage, PageCursor } from './due-work';
import { inProgress } from './testing/threads';

// Many threads share a due instant (the end of a working day), so pages continue after (due, id), never due alone.
const dueAt = (day: number) => `2026-01-${String(day).padStart(2, '0')}T16:59:59.999Z`;
const threads = [
  inProgress(dueAt(20), { _id: 'c' }),
  inProgress(dueAt(19), { _id: 'b' }),
  inProgress(dueAt(20), { _id: 'a' }),
  inProgress(dueAt(20), { _id: 'e' }),
  inProgress(dueAt(21), { _id: 'd' }),
  inProgress(dueAt(23), { _id: 'late' }),
  inProgress(dueAt(20), { _id: 'answered', followUpDueAt: null, dueAt: null }),
];

describe('pages of due threads in the embedded store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-due-'));
  const file = join(dir, 'read-models.sqlite');
  const store = new SqliteDocumentStore(file);
  beforeAll(async () => {
    await store.ensureIndexes('threads', aspirationsProjection.collections.threads);
    const writes = threads.map((document) => ({ collection: 'threads', position: 1n, document }));
    await store.commit({ writes, changes: [], checkpoint: { name: 'aspirations', position: 1n } });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every due thread once, in due order then by id, two at a time', async () => {
    const range = { max: Date.parse(dueAt(21)) };
    const read: string[] = [];
    let after: PageCursor | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await store.find<ThreadDocument>('threads', duePage('escalate', range, after), {
        sort: { escalateAfterMs: 1, _id: 1 },
        limit: 2,
      });
      read.push(...page.map((t) => t._id));
      if (page.length < 2) break;
      after = { dueMs: page[1].escalateAfterMs!, id: page[1]._id };
    }
    expect(read).toEqual(['b', 'a', 'c', 'e', 'd']);
  });

  it('narrows by the field’s index, from the cursor on, never scanning every thread', () => {
    const db = new Database(file, { readonly: true });
    const indexOn = (field: string) =>
      db
        .prepare<[string], string>('SELECT name FROM sqlite_master WHERE sql LIKE ?')
        .pluck()
        .get(`%'$.${field}'%`);
    const filter = duePage('remind', { min: 0, max: Date.parse(dueAt(21)) }, { dueMs: 5, id: 'a' });
    const plan = store.queryPlan('threads', filter).join('\n');
    expect(plan).toContain(`USING INDEX ${indexOn('remindBeforeMs')}`);
    expect(plan).not.toMatch(/SCAN doc_threads/);
    db.close();
  });
});
