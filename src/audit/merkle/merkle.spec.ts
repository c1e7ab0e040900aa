import fc from 'fast-check';
import { EMPTY_ROOT, leafHash } from './merkle-hash';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { MemoryMerkleTree } from './memory-merkle-tree';

const hex = (bytes: Buffer) => bytes.toString('hex');
const unhex = (text: string) => Buffer.from(text, 'hex');

// Certificate Transparency's reference tree (merkle_tree_test.cc), the vectors every RFC 6962 log is checked against.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const CT_CONSISTENCY = [
  {
    from: 2,
    to: 8,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

function treeOf(leaves: readonly Buffer[]): MemoryMerkleTree {
  const tree = new MemoryMerkleTree();
  for (const leaf of leaves) tree.append(leafHash(leaf));
  return tree;
}

const ct = treeOf(CT_LEAVES.map(unhex));

/** A copy of the proof with one bit of one of its hashes flipped. */
const flipped = (proof: readonly Buffer[], at: number, bit: number) =>
  proof.map((hash, i) => {
    if (i !== at % proof.length) return hash;
    const copy = Buffer.from(hash);
    copy[Math.floor(bit / 8) % copy.length] ^= 1 << (bit % 8);
    return copy;
  });

describe('the Merkle tree (RFC 6962)', () => {
  it("matches Certificate Transparency's reference roots at every size, and the empty tree", () => {
    expect(hex(new MemoryMerkleTree().root())).toBe(hex(EMPTY_ROOT));
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(CT_ROOTS.map((_, i) => hex(ct.root(i + 1)))).toEqual(CT_ROOTS);
  });

  it("produces and accepts Certificate Transparency's reference inclusion proofs", () => {
    for (const { index, size, proof } of CT_INCLUSION) {
      expect(ct.inclusionProof(index, size).map(hex)).toEqual(proof);
      expect(verifyInclusion(ct.leaf(index), index, size, proof.map(unhex), unhex(CT_ROOTS[size - 1]))).toBe(
        true,
      );
    }
  });

  it("produces and accepts Certificate Transparency's reference consistency proofs", () => {
    for (const { from, to, proof } of CT_CONSISTENCY) {
      expect(ct.consistencyProof(from, to).map(hex)).toEqual(proof);
      const [first, second] = [unhex(CT_ROOTS[from - 1]), unhex(CT_ROOTS[to - 1])];
      expect(verifyConsistency(from, to, first, second, proof.map(unhex))).toBe(true);
    }
  });

  const trees = fc
    .array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 70 })
    .map((leaves) => ({ leaves, tree: treeOf(leaves.map((leaf) => Buffer.from(leaf))) }));

  it('verifies every inclusion proof, and refuses it with any bit flipped or for another leaf', () => {
    fc.assert(
      fc.property(trees, fc.nat(), fc.nat(), fc.nat(), fc.nat(), ({ tree }, a, b, at, bit) => {
        const size = 1 + (a % tree.size);
        const index = b % size;
        const [leaf, root, proof] = [tree.leaf(index), tree.root(size), tree.inclusionProof(index, size)];
        expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);
        if (proof.length > 0)
          expect(verifyInclusion(leaf, index, size, flipped(proof, at, bit), root)).toBe(false);
        expect(verifyInclusion(flipped([leaf], 0, bit)[0], index, size, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, index, size, proof, flipped([root], 0, bit)[0])).toBe(false);
        expect(verifyInclusion(leaf, index, size, [...proof, leaf], root)).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(leaf, index, size, proof.slice(1), root)).toBe(false);
      }),
    );
  });

  it('verifies every consistency proof, and refuses it with any bit flipped or against another root', () => {
    fc.assert(
      fc.property(trees, fc.nat(), fc.nat(), fc.nat(), fc.nat(), ({ tree }, a, b, at, bit) => {
        const to = 1 + (a % tree.size);
        const from = 1 + (b % to);
        const [first, second, proof] = [tree.root(from), tree.root(to), tree.consistencyProof(from, to)];
        expect(verifyConsistency(from, to, first, second, proof)).toBe(true);
        if (proof.length === 0) return;
        expect(verifyConsistency(from, to, first, second, flipped(proof, at, bit))).toBe(false);
        expect(verifyConsistency(from, to, flipped([first], 0, bit)[0], second, proof)).toBe(false);
        expect(verifyConsistency(from, to, first, flipped([second], 0, bit)[0], proof)).toBe(false);
        expect(verifyConsistency(from, to, first, second, proof.slice(0, -1))).toBe(false);
      }),
    );
  });

  it('refuses a tree that changed any one leaf as a continuation of the old one', () => {
    fc.assert(
      fc.property(trees, fc.nat(), fc.nat(), ({ leaves, tree }, a, b) => {
        const from = 1 + (a % tree.size);
        const changed = b % from;
        const forked = treeOf(leaves.map((leaf, i) => Buffer.from(i === changed ? [...leaf, 0xff] : leaf)));
        const proof = forked.consistencyProof(from, forked.size);
        expect(verifyConsistency(from, forked.size, tree.root(from), forked.root(), proof)).toBe(false);
      }),
    );
  });

  it('refuses sizes and indexes outside the tree', () => {
    const proof = ct.inclusionProof(5, 8);
    expect(verifyInclusion(ct.leaf(5), 8, 8, proof, ct.root(8))).toBe(false);
    expect(verifyInclusion(ct.leaf(5), -1, 8, proof, ct.root(8))).toBe(false);
    expect(verifyConsistency(8, 6, ct.root(8), ct.root(6), ct.consistencyProof(6, 8))).toBe(false);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, ct.root(8), [])).toBe(true);
    expect(verifyConsistency(4, 4, ct.root(4), ct.root(4), [])).toBe(true);
    expect(() => ct.inclusionProof(8, 8)).toThrow(RangeError);
    expect(() => ct.root(9)).toThrow(RangeError);
  });
});
