// A separate process that takes a lease as this process's holder, says so, and keeps running until killed.
import { processLeaseHolder } from '../lease-holder';
import { SqliteDocumentStore } from '../sqlite-document-store';

async function main() {
  const [file, name, ttlText] = process.argv.slice(2);
  const store = new SqliteDocumentStore(file);
  const holder = processLeaseHolder();
  const held = await store.acquireLease(name, holder, Number(ttlText), new Date());
  process.stdout.write(`${held ? 'held' : 'refused'} ${holder}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
