// A separate process that appends to the same store, one event at a time, and prints each acknowledgement.
import { createEventStore, EventStoreConfig } from '../create-event-store';
import { testEvent } from './test-events';

async function main() {
  const [configJson, stream, countText] = process.argv.slice(2);
  const store = createEventStore(JSON.parse(configJson) as EventStoreConfig);
  for (let revision = 0; revision < Number(countText); revision++) {
    const result = await store.append(
      stream,
      [testEvent(`child-${revision}`)],
      revision === 0 ? 'no_stream' : revision - 1,
    );
    process.stdout.write(`acked ${result.revision} ${result.position}\n`);
  }
  await store.close();
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
