import { randomUUID } from 'node:crypto';
import { NewEvent } from '../stored-event';

/** A plain event for adapter tests; the label lets a test recognise it. */
export const testEvent = (label: string, data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'TestHappened',
  schemaVersion: 1,
  data: { label, ...data },
  metadata: { actor: 'tester', role: 'admin', occurredAt: '2026-11-27T00:00:00.000Z' },
  keyIds: [],
});

export const uniqueStream = (prefix = 'test') => `${prefix}-${randomUUID()}`;
