import { ReadModels } from '../../platform/read-models/read-models';
import { NOTIFICATIONS, NOTIFICATIONS_PROJECTION } from '../read-models/notification.document';
import { DeliveryRecord } from './delivery-record';
import { DeliveryStore } from './delivery-store';

/**
 * An erasure removes a person's notifications, then their outbox records (erasure-completion.ts). A planner or sender
 * that saves records after the erasure read the outbox would leave them behind, so every writer looks after saving: a
 * record none of whose notifications remain belongs to a person erased meanwhile, and all their records go.
 */
export class ErasedMeanwhile {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: DeliveryStore,
  ) {}

  async forgetAfterSaving(saved: readonly DeliveryRecord[]): Promise<void> {
    if (saved.length === 0) return;
    const collection = await this.readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFICATIONS);
    const ids = [...new Set(saved.flatMap((record) => record.notificationIds))];
    const found = await this.readModels.documents.find(
      collection,
      { _id: { $in: ids } },
      { projection: { _id: 1 } },
    );
    const remaining = new Set(found.map((notification) => notification._id));
    const erased = saved.filter((record) => !record.notificationIds.some((id) => remaining.has(id)));
    for (const key of new Set(erased.map((record) => record.personKey))) await this.store.forgetKey(key);
  }
}
