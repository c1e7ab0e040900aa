// The shape of RFC 6962 proofs, apart from any hashing: which ranges of leaves a proof's hashes cover. Every range
// decomposes into complete subtrees aligned on their size, so a store of complete subtree hashes serves any proof.

/** A complete subtree: the 2^level leaves from index·2^level on. */
export interface Subtree {
  readonly level: number;
  readonly index: number;
}

/** Leaves [start, end). */
export type LeafRange = readonly [start: number, end: number];

/** The largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The largest power of two at most n (n ≥ 1), with its exponent. */
function largestPowerOfTwo(n: number): { size: number; level: number } {
  let size = 1;
  let level = 0;
  while (size * 2 <= n) [size, level] = [size * 2, level + 1];
  return { size, level };
}

/** The complete subtrees whose hashes, folded from the right, give MTH(D[start:end]); largest first. */
export function subtreesOf([start, end]: LeafRange): Subtree[] {
  const subtrees: Subtree[] = [];
  for (let from = start; from < end;) {
    // Split where RFC 6962 splits: the left part is a complete subtree, aligned because `from` is.
    const { size, level } = largestPowerOfTwo(end - from);
    subtrees.push({ level, index: from / size });
    from += size;
  }
  return subtrees;
}

/** RFC 6962 §2.1.1 PATH(m, D[0:n]): the sibling ranges of leaf m, from the leaf up. */
export function inclusionRanges(m: number, n: number): LeafRange[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m < n))
    throw new RangeError(`No leaf ${m} in a tree of ${n}`);
  const path = (leaf: number, start: number, end: number): LeafRange[] => {
    if (end - start === 1) return [];
    const k = splitPoint(end - start);
    return leaf < k
      ? [...path(leaf, start, start + k), [start + k, end]]
      : [...path(leaf - k, start + k, end), [start, start + k]];
  };
  return path(m, 0, n);
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]): the ranges that prove the first m leaves are the start of the n. */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m <= n))
    throw new RangeError(`No consistency proof from ${m} to ${n}`);
  if (m === 0 || m === n) return [];
  const subproof = (size: number, start: number, end: number, whole: boolean): LeafRange[] => {
    if (size === end - start) return whole ? [] : [[start, end]];
    const k = splitPoint(end - start);
    return size <= k
      ? [...subproof(size, start, start + k, whole), [start + k, end]]
      : [...subproof(size - k, start + k, end, false), [start, start + k]];
  };
  return subproof(m, 0, n, true);
}
