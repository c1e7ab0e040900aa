import fc from 'fast-check';
import {
  delayAfterFailures,
  FAILURE_DELAY_DEFAULTS,
  FailureBurst,
  FailureDelayPolicy,
  FailureDelays,
} from './failure-delay';

/** A clock the test moves by hand. */
class HandClock {
  private ms = Date.parse('2026-11-30T07:00:00Z');
  readonly now = () => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

const policy: FailureDelayPolicy = { ...FAILURE_DELAY_DEFAULTS, burstThreshold: 5, maxKeys: 3 };

describe('growing delays after failed sign-ins', () => {
  it('lets three failures through, then waits 1, 2, 4 … seconds, capped at 30', () => {
    const delays = Array.from({ length: 12 }, (_, index) => delayAfterFailures(index + 1, policy) / 1000);
    expect(delays).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30, 30]);
  });

  it('never decreases and never exceeds the cap, however many failures (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (failures) => {
        const delay = delayAfterFailures(failures, policy);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
        expect(delayAfterFailures(failures + 1, policy)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });

  it('makes the next attempt wait until the delay has passed, per (login, address)', () => {
    const clock = new HandClock();
    const delays = new FailureDelays(clock.now, policy);
    for (let i = 0; i < 4; i += 1) delays.recordFailure('+6281234567890', '203.0.113.7');
    expect(delays.waitBeforeAttempt('+6281234567890', '203.0.113.7')).toBe(1_000);
    // The owner elsewhere, and another login from the same address, are not slowed down.
    expect(delays.waitBeforeAttempt('+6281234567890', '198.51.100.1')).toBe(0);
    expect(delays.waitBeforeAttempt('warga@example.id', '203.0.113.7')).toBe(0);
    clock.advance(600);
    expect(delays.waitBeforeAttempt('+6281234567890', '203.0.113.7')).toBe(400);
    clock.advance(400);
    expect(delays.waitBeforeAttempt('+6281234567890', '203.0.113.7')).toBe(0);
  });

  it('starts over after a success', () => {
    const clock = new HandClock();
    const delays = new FailureDelays(clock.now, policy);
    for (let i = 0; i < 6; i += 1) delays.recordFailure('a@example.id', '203.0.113.7');
    delays.recordSuccess('a@example.id', '203.0.113.7');
    expect(delays.waitBeforeAttempt('a@example.id', '203.0.113.7')).toBe(0);
    expect(delays.recordFailure('a@example.id', '203.0.113.7')).toBe(0);
  });

  it('forgets failures after a quiet period', () => {
    const clock = new HandClock();
    const delays = new FailureDelays(clock.now, policy);
    for (let i = 0; i < 6; i += 1) delays.recordFailure('a@example.id', '203.0.113.7');
    clock.advance(policy.forgetAfterMs);
    expect(delays.waitBeforeAttempt('a@example.id', '203.0.113.7')).toBe(0);
    expect(delays.recordFailure('a@example.id', '203.0.113.7')).toBe(0);
  });

  it('reports a burst once when it crosses the threshold, and again after a success', () => {
    const clock = new HandClock();
    const bursts: FailureBurst[] = [];
    const delays = new FailureDelays(clock.now, policy, (burst) => bursts.push(burst));
    const windowStartedAt = clock.now();
    for (let i = 0; i < 9; i += 1) {
      delays.recordFailure('a@example.id', '203.0.113.7');
      clock.advance(60_000);
    }
    expect(bursts).toEqual([
      {
        login: 'a@example.id',
        address: '203.0.113.7',
        failures: 5,
        windowStartedAt,
        at: new Date(windowStartedAt.getTime() + 4 * 60_000),
      },
    ]);
    delays.recordSuccess('a@example.id', '203.0.113.7');
    for (let i = 0; i < 5; i += 1) delays.recordFailure('a@example.id', '203.0.113.7');
    expect(bursts).toHaveLength(2);
  });

  it('keeps at most maxKeys keys, dropping the least recently failed', () => {
    const clock = new HandClock();
    const delays = new FailureDelays(clock.now, { ...policy, freeFailures: 0 });
    for (const login of ['a', 'b', 'c', 'd']) delays.recordFailure(login, '203.0.113.7');
    expect(delays.waitBeforeAttempt('a', '203.0.113.7')).toBe(0);
    expect(delays.waitBeforeAttempt('d', '203.0.113.7')).toBe(1_000);
  });

  it('keeps logins that contain separators apart (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        (loginA, addressA, loginB, addressB) => {
          fc.pre(loginA !== loginB || addressA !== addressB);
          const delays = new FailureDelays(new HandClock().now, { ...policy, freeFailures: 0 });
          delays.recordFailure(loginA, addressA);
          expect(delays.waitBeforeAttempt(loginB, addressB)).toBe(0);
        },
      ),
    );
  });
});
