// Order statistics over samples: every benchmark reports the same percentiles the same way.

/** The value at or below which `p` percent of the samples lie (nearest rank); NaN without samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Milliseconds since `start` (a performance.now() reading). */
export const since = (start: number): number => performance.now() - start;
