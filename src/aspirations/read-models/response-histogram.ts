/**
 * Upper bounds, in minutes, of the buckets first responses are counted in: from a minute to two months, about
 * doubling. The last bucket holds everything slower. Changing them needs a rebuild of the aspirations read model.
 */
export const RESPONSE_BUCKET_BOUNDS: readonly number[] = [
  1, 5, 15, 30, 60, 120, 240, 480, 720, 1_440, 2_880, 4_320, 7_200, 10_080, 14_400, 20_160, 43_200, 86_400,
];

/** Counts per bucket: one more than the bounds (the last is unbounded). Its size never grows with the count. */
export type ResponseHistogram = readonly number[];

export const emptyHistogram = (): number[] => new Array<number>(RESPONSE_BUCKET_BOUNDS.length + 1).fill(0);

/** The histogram with one more response of this many minutes (a bucket holds values up to its bound). */
export function withResponse(histogram: ResponseHistogram | undefined, minutes: number): number[] {
  const counts = histogram ? [...histogram] : emptyHistogram();
  const bucket = RESPONSE_BUCKET_BOUNDS.findIndex((bound) => minutes <= bound);
  counts[bucket === -1 ? RESPONSE_BUCKET_BOUNDS.length : bucket]++;
  return counts;
}

/** Documents written before the buckets kept every response: they are counted into buckets as they are read. */
export const histogramOf = (document: {
  readonly responseHistogram?: ResponseHistogram;
  readonly responseMinutes?: readonly number[];
}): ResponseHistogram =>
  document.responseHistogram ??
  (document.responseMinutes ?? []).reduce<number[]>(
    (h, minutes) => withResponse(h, minutes),
    emptyHistogram(),
  );

/**
 * The median estimated from the buckets, as Prometheus's histogram_quantile does: the bucket holding the middle
 * response, interpolated linearly within it (the last bucket answers its lower bound). Null without responses.
 */
export function medianOf(histogram: ResponseHistogram): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = total / 2;
  let below = 0;
  for (let bucket = 0; bucket < histogram.length; bucket++) {
    const count = histogram[bucket];
    if (below + count >= rank && count > 0) {
      const lower = bucket === 0 ? 0 : RESPONSE_BUCKET_BOUNDS[bucket - 1];
      if (bucket === RESPONSE_BUCKET_BOUNDS.length) return lower;
      const upper = RESPONSE_BUCKET_BOUNDS[bucket];
      return Math.round(lower + ((upper - lower) * (rank - below)) / count);
    }
    below += count;
  }
  return null;
}
