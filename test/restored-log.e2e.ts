import { join } from 'node:path';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { testEvent } from '../src/platform/event-store/testing/test-events';
import { ApiClient } from './support/api-client';
import { backUp, restore } from './support/data-folder';
import { actors, roadComplaint } from './support/scenario';
import { freshDataDir, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** Appends events the read models do not project, as other writers would while the projections were down. */
async function appendElsewhere(dataDir: string, count: number): Promise<void> {
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  try {
    await store.append(
      'elsewhere',
      Array.from({ length: count }, (_, i) => testEvent(`elsewhere-${i}`)),
      'no_stream',
    );
  } finally {
    await store.close();
  }
}

describe('an event log restored from an older copy under newer read models (e2e)', () => {
  it.each([
    ['the log head is below the checkpoint', 0],
    ['new events already pushed the head past the checkpoint', 10],
  ])('rebuilds the read models when %s: new commands show, lost ones disappear', async (_, appended) => {
    const dataDir = freshDataDir();
    let running = await startTestApp(dataDir);
    let as = actors(new ApiClient(running.url));
    const submit = async (title: string) => {
      const response = await as.warga.post('/api/aspirations', roadComplaint({ title }));
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return response.body as { id: string; position: string };
    };
    const projected = async ({ id, position }: { id: string; position: string }) =>
      (await as.auditor.get(`/api/aspirations/${id}?minPosition=${position}`)).status === 200;

    const kept = await submit('Jalan rusak di Kasongan Baru');
    await waitFor(() => projected(kept), 'the first aspiration projected');
    const backup = backUp(dataDir, 'events.sqlite');
    const lost = [await submit('Lampu jalan padam'), await submit('Jembatan kayu lapuk')];
    await waitFor(() => projected(lost[1]), 'the later aspirations projected');
    await running.close();

    restore(dataDir, 'events.sqlite', backup);
    if (appended > 0) await appendElsewhere(dataDir, appended);
    running = await startTestApp(dataDir);
    try {
      as = actors(new ApiClient(running.url));
      const fresh = await submit('Sampah menumpuk di pasar');
      await waitFor(() => projected(fresh), 'the new aspiration visible in the read model', 20_000);
      expect((await as.auditor.get(`/api/aspirations/${kept.id}`)).status).toBe(200);
      for (const { id } of lost) expect((await as.auditor.get(`/api/aspirations/${id}`)).status).toBe(404);
    } finally {
      await running.close();
    }
  });
});
