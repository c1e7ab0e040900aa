import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '../app-config';
import { DOCUMENT_STORE, DocumentStore } from '../platform/document-store/document-store.port';
import { isAbandonedLocalHolder, processLeaseHolder } from '../platform/document-store/lease-holder';
import { IntegrityMonitor } from '../platform/integrity/integrity-monitor';
import { AuditProofs } from './audit-proofs';
import { AuditRunner } from './audit-runner';
import { AuditController } from './audit.controller';
import { auditProviders, CHECKPOINT_INTERVAL_MS } from './audit.providers';
import { CheckpointMaker } from './checkpoints/checkpoint-maker';
import { LeafVisibility } from './leaf-visibility';
import { AuditHistoryController } from './history/audit-history.controller';
import { AuditLog } from './history/audit-log';
import { MerkleTreeStore } from './tree/merkle-tree-store';

/**
 * Signed checkpoints over the whole log. Every app instance runs the checkpoint runner; its lease lets one of them
 * follow the log and sign at a time.
 */
@Module({})
export class AuditModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly runner: AuditRunner;

  static with(config: AppConfig): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController, AuditHistoryController],
      providers: [...auditProviders(config), AuditProofs, LeafVisibility, AuditLog],
    };
  }

  constructor(
    tree: MerkleTreeStore,
    maker: CheckpointMaker,
    @Inject(DOCUMENT_STORE) documents: DocumentStore,
    integrity: IntegrityMonitor,
    @Inject(CHECKPOINT_INTERVAL_MS) intervalMs: number,
  ) {
    this.runner = new AuditRunner(tree, maker, documents, {
      intervalMs,
      holder: processLeaseHolder(),
      abandoned: isAbandonedLocalHolder,
      integrity,
      logger: new Logger('Audit'),
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  /** Before storage closes (application shutdown): the runner stops and gives its lease up. */
  async onModuleDestroy(): Promise<void> {
    // The outgoing-message port is the app's (AccountsModule closes it), not the witnesses' own.
    await this.runner.stop();
  }
}
