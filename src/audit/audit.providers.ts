import { Logger, Provider } from '@nestjs/common';
import { AppConfig } from '../app-config';
import { CLOCK, Clock } from '../platform/clock';
import { DOCUMENT_STORE, DocumentStore } from '../platform/document-store/document-store.port';
import { EventLog } from '../platform/event-log/event-log';
import { EVENT_STORE, EventStore } from '../platform/event-store/event-store.port';
import { OUTGOING_MESSAGES, OutgoingMessages } from '../platform/messages/outgoing-messages.port';
import { DEFAULT_CHECKPOINT_MINUTES } from './audit.config';
import { CheckpointMaker } from './checkpoints/checkpoint-maker';
import { CheckpointWitnesses } from './checkpoints/checkpoint-witnesses';
import { AuditSigningKey, loadSigningKey } from './checkpoints/signing-key';
import { MerkleTreeStore } from './tree/merkle-tree-store';

export const AUDIT_SIGNING_KEY = Symbol('AuditSigningKey');
export const CHECKPOINT_WITNESSES = Symbol('CheckpointWitnesses');
export const CHECKPOINT_INTERVAL_MS = Symbol('CheckpointIntervalMs');

/** The audit feature's parts, built from the configuration. */
export const auditProviders = (config: AppConfig): Provider[] => [
  { provide: AUDIT_SIGNING_KEY, useFactory: () => loadSigningKey(config.dataDir, config.audit?.signingKey) },
  {
    provide: CHECKPOINT_INTERVAL_MS,
    useValue: config.audit?.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_MINUTES * 60_000,
  },
  {
    provide: CHECKPOINT_WITNESSES,
    // The app's one outgoing-message port: a second outbox writer would lose lines when an erasure rewrites the file.
    inject: [OUTGOING_MESSAGES],
    useFactory: (messages: OutgoingMessages) => {
      const witnesses = config.audit?.witnesses ?? [];
      if (witnesses.length === 0) return undefined;
      return new CheckpointWitnesses(messages, witnesses, new Logger('Witnesses'));
    },
  },
  {
    provide: MerkleTreeStore,
    inject: [EVENT_STORE, DOCUMENT_STORE],
    useFactory: (events: EventStore, documents: DocumentStore) => new MerkleTreeStore(events, documents),
  },
  {
    provide: CheckpointMaker,
    inject: [MerkleTreeStore, EventLog, AUDIT_SIGNING_KEY, CLOCK, CHECKPOINT_WITNESSES],
    useFactory: (
      tree: MerkleTreeStore,
      log: EventLog,
      key: AuditSigningKey,
      clock: Clock,
      witnesses: CheckpointWitnesses | undefined,
    ) => new CheckpointMaker(tree, log, key, clock, witnesses),
  },
];
