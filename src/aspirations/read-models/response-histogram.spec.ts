import { histogramOf, medianOf, RESPONSE_BUCKET_BOUNDS, withResponse } from './response-histogram';

const histogramWith = (...minutes: number[]) => histogramOf({ responseMinutes: minutes });

describe('first-response histogram', () => {
  it('counts each response in the first bucket whose bound holds it, however many there are', () => {
    const histogram = histogramWith(0, 1, 2, 90, 4000, 10 ** 9);
    expect(histogram).toHaveLength(RESPONSE_BUCKET_BOUNDS.length + 1);
    expect(histogram[0]).toBe(2); // 0 and 1 minute
    expect(histogram[1]).toBe(1); // 2 minutes: up to 5
    expect(histogram[5]).toBe(1); // 90 minutes: up to 120
    expect(histogram[11]).toBe(1); // 4000 minutes: up to 4320
    expect(histogram.at(-1)).toBe(1); // beyond two months
    expect(histogramWith(...Array.from({ length: 10_000 }, (_, i) => i))).toHaveLength(histogram.length);
  });

  it('estimates the median within the bucket that holds the middle response', () => {
    expect(medianOf(histogramWith())).toBeNull();
    // Two days (2880 min) is the middle of three; its bucket is (1440, 2880], the middle rank halfway into it.
    expect(medianOf(histogramWith(90, 2880, 4000))).toBe(2160);
    expect(medianOf(histogramWith(30, 30))).toBe(23); // rank 1 of 2 in (15, 30]
    expect(medianOf(histogramWith(10 ** 6))).toBe(86_400);
  });

  it('reads documents that kept every response before the buckets', () => {
    expect(histogramOf({ responseMinutes: [90, 4000] })).toEqual(
      withResponse(withResponse(undefined, 90), 4000),
    );
    expect(histogramOf({ responseHistogram: histogramWith(5) })).toEqual(histogramWith(5));
  });
});
