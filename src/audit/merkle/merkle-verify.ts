// RFC 9162 §2.1.3.2 and §2.1.4.2: checking proofs with nothing but the hashes, as an outsider does.
import { HASH_BYTES, nodeHash } from './merkle-hash';

const isHash = (value: unknown): value is Buffer => Buffer.isBuffer(value) && value.length === HASH_BYTES;
const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;
const odd = (n: number) => n % 2 === 1;
// Halving with division: tree sizes may pass 2^31, where JavaScript's bit shifts wrap.
const half = (n: number) => Math.floor(n / 2);

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** True when `proof` shows the leaf with hash `leaf` at `index` in the tree of `size` leaves whose root is `root`. */
export function verifyInclusion(
  leaf: Buffer,
  index: number,
  size: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (![leaf, root, ...proof].every(isHash)) return false;
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(root);
}

/** True when `proof` shows the tree of `first` leaves (root `firstRoot`) is a prefix of the tree of `second`. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (!isCount(first) || !isCount(second) || first > second) return false;
  if (![firstRoot, secondRoot, ...proof].every(isHash)) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  // Every tree extends the empty one; there is nothing to prove.
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  // A first tree that is a complete subtree is itself the proof's first node, which the proof then leaves out.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  let [fn, sn] = [first - 1, second - 1];
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let [fr, sr] = [path[0], path[0]];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      [fr, sr] = [nodeHash(c, fr), nodeHash(c, sr)];
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}
