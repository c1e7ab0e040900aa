import fc from 'fast-check';
import { entriesOf, OutboxEntry, outcomeOf, retryDelayMs } from '../web/src/offline/outbox-entry';

const entry = (key: string, actorId: string, savedAt: string): OutboxEntry => ({
  key,
  kind: 'reply',
  actorId,
  path: '/api/aspirations/x/replies',
  body: { body: 'Terima kasih' },
  regionCode: '62.06.02.1003',
  savedAt,
  state: 'waiting',
  attempts: 0,
});

describe('the web outbox: what an answer means for a kept submission or reply', () => {
  it('is delivered on success and removed', () => {
    expect(outcomeOf('ok')).toBe('delivered');
  });

  it.each([
    [0, 'network_error'],
    [408, 'request_timeout'],
    [429, 'rate_limited'],
    [500, 'internal_error'],
    [502, 'http_502'],
    [503, 'shutting_down'],
    [409, 'concurrent_changes'],
  ])('sends again with the same key after %i %s: the server may have acted, or will', (status, code) => {
    expect(outcomeOf({ status, code })).toBe('retry');
  });

  it('waits for its author to sign in again after 401, rather than sending it as someone else', () => {
    expect(outcomeOf({ status: 401, code: 'http_401' })).toBe('sign_in');
  });

  it.each([
    [400, 'invalid_body'],
    [403, 'own_aspiration'],
    [404, 'aspiration_not_found'],
    [409, 'invalid_transition'],
    [409, 'person_erased'],
    [422, 'idempotency_key_reused'],
  ])('is refused for good after %i %s, and shown with the reason', (status, code) => {
    expect(outcomeOf({ status, code })).toBe('refused');
  });

  it('classifies every status without throwing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.string(), (status, code) => {
        expect(['retry', 'sign_in', 'refused']).toContain(outcomeOf({ status, code }));
      }),
    );
  });

  it('waits longer after each failed attempt, from 5 s up to a minute', () => {
    expect([1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('shows and sends only the signed-in person’s entries, oldest first', () => {
    const all = [
      entry('b', 'warga-1', '2026-01-02T10:00:00.000Z'),
      entry('a', 'warga-2', '2026-01-01T10:00:00.000Z'),
      entry('c', 'warga-1', '2026-01-01T09:00:00.000Z'),
    ];
    expect(entriesOf(all, 'warga-1').map((e) => e.key)).toEqual(['c', 'b']);
    expect(entriesOf(all, undefined)).toEqual([]);
  });
});
