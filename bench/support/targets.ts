// The targets of issue 14 ("Performance at scale") and of earlier issues, each as the benchmarks check it: a ratio to
// a baseline measured in the same run, or an absolute bound. Each says where it comes from.

/** `at: 'least'` means figure ≥ bound (or ≥ ratio × baseline); `'most'` means ≤. */
export type Target =
  | { readonly kind: 'ratio'; readonly at: 'least' | 'most'; readonly ratio: number; readonly text: string }
  | { readonly kind: 'value'; readonly at: 'least' | 'most'; readonly value: number; readonly text: string };

const ratio = (at: 'least' | 'most', value: number, text: string): Target => ({
  kind: 'ratio',
  at,
  ratio: value,
  text,
});
const bound = (at: 'least' | 'most', value: number, text: string): Target => ({
  kind: 'value',
  at,
  value,
  text,
});

export const TARGETS = {
  submitThroughput: ratio('least', 0.5, 'issue 14.1: ≥ 0.5× the bare route'),
  submitP99AtHalfRate: bound('most', 50, 'issue 14.1: p99 < 50 ms at half the maximum rate'),
  soakLatency: ratio('most', 1.2, 'issue 14.2: last 5 min within 1.2× the first minute'),
  soakMemory: ratio('most', 1.05, 'issue 14.2: < 5% growth over the last 5 min'),
  readAtScale: ratio('most', 1.5, 'issue 14.3: p99 at 100k within 1.5× of 1k'),
  commandOnLongStream: ratio('most', 1.5, 'issue 14.3: within 1.5× of a fresh stream'),
  rebuildRate: bound('least', 50_000, 'issue 14.4: ≥ 50,000 events/s'),
  liveP99: ratio('most', 1.3, 'issue 14.5: p99 ≤ 1.3× bare Socket.IO'),
  liveMemory: ratio('most', 1.5, 'issue 14.5: memory per socket ≤ 1.5× bare'),
  appendsAt64: ratio('least', 0.8, 'issue 14.6: ≥ 0.8× raw inserts in groups of 64'),
  readModelSize: ratio('most', 3, 'issue 14.7: read-model DB ≤ 3× the event log'),
  coldStart: bound('most', 5, 'issue 14.8: first answered request < 5 s'),
  benchDuration: bound('most', 20, 'issue 14.9: npm run bench within 20 minutes'),
  asOfFold: bound('most', 50, 'time travel: fold as of the middle < 50 ms'),
  pageJavaScript: bound('most', 100, 'web: ≤ 100 KB of JavaScript gzipped per page'),
} as const satisfies Record<string, Target>;
