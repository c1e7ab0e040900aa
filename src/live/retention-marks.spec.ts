import { SqliteDocumentStore } from '../platform/document-store/sqlite-document-store';
import { readTrimmedUpTo, RETENTION, retentionStep } from './retention-marks';

describe('retention marks', () => {
  let documents: SqliteDocumentStore;
  beforeEach(() => (documents = new SqliteDocumentStore(':memory:')));
  afterEach(() => documents.close());

  const step = async (now: number, reached: bigint) => {
    const { writes, cut } = await retentionStep(documents, now, reached, 1_000);
    await documents.commit({
      writes,
      changes: [],
      checkpoint: { name: 'live-retention', position: reached },
    });
    return cut;
  };

  it('cuts at the newest position marked before the window, and forgets older marks', async () => {
    expect(await step(0, 5n)).toBeUndefined();
    expect(await step(500, 8n)).toBeUndefined();
    expect(await readTrimmedUpTo(documents)).toBe(0n);
    expect(await step(1_500, 10n)).toBe(8n);
    expect(await readTrimmedUpTo(documents)).toBe(8n);
    expect((await documents.find(RETENTION, { kind: 'mark' })).map((mark) => mark._id)).toEqual([
      'mark-1500',
    ]);
  });

  it('never moves the cut back', async () => {
    await step(0, 9n);
    expect(await step(1_000, 9n)).toBe(9n);
    // A lagging instance marks an older position later; the recorded cut stays.
    await step(1_100, 4n);
    expect(await step(2_200, 12n)).toBeUndefined();
    expect(await readTrimmedUpTo(documents)).toBe(9n);
  });
});
