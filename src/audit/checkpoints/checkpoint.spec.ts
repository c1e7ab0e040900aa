import { canonicalize } from 'json-canonicalize';
import { generateKeyPairSync, verify } from 'node:crypto';
import { checkpointSignatureValid, parseCheckpoint, signCheckpoint } from './checkpoint';
import { signingKeyFromSeed } from './signing-key';

const key = signingKeyFromSeed(Buffer.alloc(32, 1));
const body = {
  logId: key.logId,
  rootHash: 'ab'.repeat(32),
  timestamp: '2026-11-30T08:00:00.000Z',
  treeSize: 42,
};

describe('signed checkpoints', () => {
  it('signs the RFC 8785 JSON of the four fields with Ed25519, as any outsider checks it', () => {
    const checkpoint = signCheckpoint(body, key);
    const signed = Buffer.from(
      '{"logId":"' +
        key.logId +
        '","rootHash":"' +
        'ab'.repeat(32) +
        '","timestamp":"2026-11-30T08:00:00.000Z","treeSize":42}',
    );
    expect(Buffer.from(canonicalize(body))).toEqual(signed);
    expect(verify(null, signed, key.publicKey, Buffer.from(checkpoint.signature, 'base64'))).toBe(true);
    expect(checkpointSignatureValid(checkpoint, key.publicKey)).toBe(true);
  });

  it('is refused with any field changed, or under another key', () => {
    const checkpoint = signCheckpoint(body, key);
    expect(checkpointSignatureValid({ ...checkpoint, treeSize: 43 }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, rootHash: 'cd'.repeat(32) }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, signature: 'not base64!' }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid(checkpoint, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('derives the same key from the same seed, and refuses a seed of another length', () => {
    expect(signingKeyFromSeed(Buffer.alloc(32, 1)).publicKeyPem).toBe(key.publicKeyPem);
    expect(() => signingKeyFromSeed(Buffer.alloc(48, 1))).toThrow(/exactly 32 bytes/);
  });

  it('reads a kept checkpoint, and nothing that is not one', () => {
    const checkpoint = signCheckpoint(body, key);
    expect(parseCheckpoint(JSON.parse(JSON.stringify(checkpoint)))).toEqual(checkpoint);
    for (const wrong of [null, 'x', { ...checkpoint, treeSize: '42' }, { ...checkpoint, rootHash: 'AB' }])
      expect(parseCheckpoint(wrong)).toBeUndefined();
  });
});
