import fc from 'fast-check';
import { retryAfterMs } from './backoff';

describe('retryAfterMs', () => {
  const policy = { baseMs: 30_000, maxMs: 3_600_000 };

  it('doubles from the base and stops at the cap', () => {
    expect(retryAfterMs(1, policy, () => 1)).toBe(30_000);
    expect(retryAfterMs(2, policy, () => 1)).toBe(60_000);
    expect(retryAfterMs(20, policy, () => 1)).toBe(3_600_000);
  });

  it('spreads retries between half and the whole of the step', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
          const wait = retryAfterMs(attempt, policy, () => r);
          expect(wait).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(wait).toBeLessThanOrEqual(ceiling);
        },
      ),
    ));
});
