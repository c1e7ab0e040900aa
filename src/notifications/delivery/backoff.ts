/** Full jitter: uniformly random in [base·2^(attempt-1) / 2, base·2^(attempt-1)], capped; never sooner than half. */
export function retryAfterMs(
  attempt: number,
  { baseMs, maxMs }: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
