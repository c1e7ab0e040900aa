import { ProjectionCommit } from '../document-store.port';
import { MongoDocumentStore } from '../mongo-document-store';

/**
 * A MongoDB store that dies after recording a batch and writing its first document, as a process killed midway
 * would: its commit never returns, and the batch's redo record stays for the next holder to finish.
 */
export class CrashingMongoStore extends MongoDocumentStore {
  protected override async applyBatch(batch: ProjectionCommit): Promise<void> {
    await super.applyBatch({
      writes: [batch.writes[0]],
      changes: [],
      checkpoint: { name: 'scratch', position: 0n },
    });
    await new Promise(() => undefined); // the process is gone: nothing after this ever runs
  }
}
