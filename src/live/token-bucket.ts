/** 'limited': refuse this message; 'exhausted': a whole further burst refused, the client keeps flooding. */
export type TakeResult = 'ok' | 'limited' | 'exhausted';

/** A token bucket whose refused messages still count, as debt, so sustained abuse can be told from a burst. */
export class TokenBucket {
  private tokens: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private at: number,
  ) {
    this.tokens = burst;
  }

  take(now: number): TakeResult {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perSecond) / 1000);
    this.at = now;
    this.tokens = Math.max(-this.burst, this.tokens - 1);
    if (this.tokens >= 0) return 'ok';
    return this.tokens <= -this.burst ? 'exhausted' : 'limited';
  }
}
