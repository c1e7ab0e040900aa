import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Counter, Registry } from 'prom-client';
import { SqliteDocumentStore } from '../document-store/sqlite-document-store';
import { SubjectErasedError } from '../personal-data/key-store.port';
import { SqliteKeyStore } from '../personal-data/sqlite-key-store';
import { observedStore } from './observed-storage';

const freshDir = () => mkdtempSync(join(tmpdir(), 'suara-observed-'));

describe('storage observed for the storage-errors metric', () => {
  const registry = new Registry();
  const errors = new Counter({
    name: 'test_storage_errors_total',
    help: 'test',
    labelNames: ['store', 'operation'],
    registers: [registry],
  });
  const count = async (labels: Record<string, string>) =>
    (await errors.get()).values.find(
      (v) => v.labels.store === labels.store && v.labels.operation === labels.operation,
    )?.value ?? 0;
  beforeEach(() => errors.reset());

  it('counts a failed operation by store and operation, and lets the error through unchanged', async () => {
    const documents = observedStore(
      new SqliteDocumentStore(join(freshDir(), 'read-models.sqlite')),
      'documents',
      errors,
    );
    await expect(documents.find('not a collection')).rejects.toThrow(/Invalid collection name/);
    expect(await count({ store: 'documents', operation: 'find' })).toBe(1);
    expect(await documents.count('threads')).toBe(0);
    expect(await count({ store: 'documents', operation: 'count' })).toBe(0);
    await documents.close();
  });

  it('does not count the answers the domain expects, such as an erased person', async () => {
    const keys = observedStore(
      new SqliteKeyStore(join(freshDir(), 'keys.sqlite')),
      'keys',
      errors,
      (error) => error instanceof SubjectErasedError,
    );
    await keys.keyFor('citizen-1');
    await keys.erase('citizen-1');
    await expect(keys.keyFor('citizen-1')).rejects.toBeInstanceOf(SubjectErasedError);
    expect(await count({ store: 'keys', operation: 'keyFor' })).toBe(0);
    await keys.close();
  });
});
