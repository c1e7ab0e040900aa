import { EMPTY_ROOT, nodeHash } from './merkle-hash';
import { consistencyRanges, inclusionRanges, LeafRange, Subtree, subtreesOf } from './merkle-ranges';

/** The hash of a complete subtree, from wherever a tree keeps them (memory, a document store). */
export type SubtreeLookup = (subtree: Subtree) => Buffer;

/** MTH(D[start:end]): its complete subtrees folded from the right, as RFC 6962's recursion combines them. */
export function rangeHash(range: LeafRange, lookup: SubtreeLookup): Buffer {
  if (range[0] === range[1]) return EMPTY_ROOT;
  return subtreesOf(range)
    .map(lookup)
    .reduceRight((right, left) => nodeHash(left, right));
}

export const rootHash = (size: number, lookup: SubtreeLookup): Buffer => rangeHash([0, size], lookup);

/** RFC 6962 §2.1.1: the audit path of leaf m in the tree of the first n leaves. */
export const inclusionProof = (m: number, n: number, lookup: SubtreeLookup): Buffer[] =>
  inclusionRanges(m, n).map((range) => rangeHash(range, lookup));

/** RFC 6962 §2.1.2: proves the tree of the first m leaves is a prefix of the tree of the first n. */
export const consistencyProof = (m: number, n: number, lookup: SubtreeLookup): Buffer[] =>
  consistencyRanges(m, n).map((range) => rangeHash(range, lookup));

/** Every complete subtree some ranges need, once each: what a store fetches in one round trip. */
export function subtreesNeeded(ranges: readonly LeafRange[]): Subtree[] {
  const seen = new Map<string, Subtree>();
  for (const subtree of ranges.flatMap((range) => (range[0] === range[1] ? [] : subtreesOf(range))))
    seen.set(subtreeId(subtree), subtree);
  return [...seen.values()];
}

/** A subtree's name in a store: level and index. */
export const subtreeId = ({ level, index }: Subtree): string => `${level}.${index}`;
