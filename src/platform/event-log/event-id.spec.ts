import { eventIdFor } from './event-id';

const request = { commandId: 'c0a80101-0000-8000-8000-000000000001', requestDigest: 'ab'.repeat(32) };

describe('event ids', () => {
  it('are lowercase UUIDs (version 8), as EventStoreDB reads them back', () => {
    expect(eventIdFor(request, 'aspiration-1', 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('are the same for a blind retry of the same request', () => {
    expect(eventIdFor({ ...request }, 'aspiration-1', 1)).toBe(eventIdFor(request, 'aspiration-1', 1));
  });

  it('differ for a reused Idempotency-Key with another body, so no server takes it for a retry', () => {
    const otherBody = { ...request, requestDigest: 'cd'.repeat(32) };
    expect(eventIdFor(otherBody, 'aspiration-1', 0)).not.toBe(eventIdFor(request, 'aspiration-1', 0));
  });

  it('differ by command, stream and index', () => {
    const ids = new Set([
      eventIdFor(request, 'aspiration-1', 0),
      eventIdFor(request, 'aspiration-1', 1),
      eventIdFor(request, 'aspiration-2', 0),
      eventIdFor({ ...request, commandId: 'c0a80101-0000-8000-8000-000000000002' }, 'aspiration-1', 0),
    ]);
    expect(ids.size).toBe(4);
  });
});
