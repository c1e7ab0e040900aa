import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, then the refill rate', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([0, 0, 0, 0].map((now) => bucket.take(now))).toEqual(['ok', 'ok', 'ok', 'limited']);
    // 0.1 s refills one token and pays off the one message of debt: still limited, then allowed.
    expect(bucket.take(100)).toBe('limited');
    expect(bucket.take(300)).toBe('ok');
  });

  it('reports exhaustion once a further burst has been refused', () => {
    const bucket = new TokenBucket(10, 3, 0);
    const results = Array.from({ length: 6 }, () => bucket.take(0));
    expect(results).toEqual(['ok', 'ok', 'ok', 'limited', 'limited', 'exhausted']);
  });
});
