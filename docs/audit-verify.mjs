#!/usr/bin/env node
// Checks a Suara Warga audit export (npm run audit:export) with nothing but Node.js's own crypto: it imports nothing
// from the platform, so an auditor can read every line of it. Node 18 or later.
//
//   node audit-verify.mjs export.ndjson [public-key.pem]
//
// Give the public key you obtained yourself (GET /api/audit/public-key, a witness, a letter): without it the key
// written in the export is used, which proves only that the export agrees with itself.
// Exit 0 and one line "OK: …" when every event is the one the signed checkpoint covers; exit 1 naming the first
// line that fails otherwise.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// RFC 8785 (JCS) for JSON as parsed: keys sorted by UTF-16 code units, numbers and strings as ECMAScript writes them.
function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}

// An event's hash covers a digest per field, so a withheld field ({"$withheld": digest}) still verifies.
const fieldDigest = (value) =>
  value !== null && typeof value === 'object' && typeof value.$withheld === 'string'
    ? value.$withheld
    : sha256Hex(canonical(value));
const digests = (fields) =>
  Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, fieldDigest(value)]));

function eventHash(e) {
  const { id, stream, revision, type, schemaVersion, previousHash, keyIds, data, metadata } = e;
  const covered = { v: 1, id, stream, revision, type, schemaVersion, previousHash, keyIds };
  return sha256Hex(canonical({ ...covered, data: digests(data), metadata: digests(metadata) }));
}

// RFC 6962: a leaf is SHA-256(0x00 || leaf); an inner node SHA-256(0x01 || left || right).
const leafHash = (bytes) => sha256(Buffer.concat([Buffer.of(0), bytes]));
const nodeHash = (left, right) => sha256(Buffer.concat([Buffer.of(1), left, right]));

// What the tree commits to for each event: the RFC 8785 JSON of its hash, position, revision and stream.
const leafOf = (e) =>
  Buffer.from(canonical({ hash: e.hash, position: e.position, revision: e.revision, stream: e.stream }));

// RFC 9162 §2.1.3.2: walks the audit path from the leaf up to the root.
function inclusionHolds(leaf, index, size, proof, root) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const hex of proof) {
    if (sn === 0 || !/^[0-9a-f]{64}$/.test(hex)) return false;
    const p = Buffer.from(hex, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else r = nodeHash(r, p);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && r.equals(root);
}

function checkpointSigned(checkpoint, publicKey) {
  const { logId, rootHash, timestamp, treeSize, signature } = checkpoint;
  const body = Buffer.from(canonical({ logId, rootHash, timestamp, treeSize }));
  return typeof signature === 'string' && verify(null, body, publicKey, Buffer.from(signature, 'base64'));
}

function main([file, keyFile]) {
  if (!file) throw new Error('usage: node audit-verify.mjs export.ndjson [public-key.pem]');
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = JSON.parse(lines[0]);
  if (header.kind !== 'log' || header.format !== 'suara-warga-audit-export/1')
    throw new Error('line 1: not an audit export');
  const publicKey = createPublicKey(keyFile ? readFileSync(keyFile, 'utf8') : header.publicKey);
  const logId = createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');
  const checkpoints = new Map();
  const heads = new Map();
  let events = 0;
  let lastIndex = -1;
  lines.slice(1).forEach((text, i) => {
    const fail = (why) => {
      throw new Error(`line ${i + 2}: ${why}`);
    };
    let line;
    try {
      line = JSON.parse(text);
    } catch {
      fail('not JSON');
    }
    if (line.kind === 'checkpoint') {
      if (line.logId !== logId || !checkpointSigned(line, publicKey))
        fail('checkpoint not signed by the log’s key');
      checkpoints.set(line.treeSize, Buffer.from(line.rootHash, 'hex'));
      return;
    }
    if (line.kind !== 'event') fail(`unknown kind ${JSON.stringify(line.kind)}`);
    const { event, leafIndex, treeSize, proof } = line;
    if (eventHash(event) !== event.hash) fail(`event ${event.position}: its content does not match its hash`);
    const previous = heads.get(event.stream);
    if (previous && previous.revision + 1 === event.revision && previous.hash !== event.previousHash)
      fail(`event ${event.position}: does not link to the event before it in ${event.stream}`);
    heads.set(event.stream, event);
    if (leafIndex <= lastIndex) fail(`event ${event.position}: out of log order`);
    lastIndex = leafIndex;
    const root = checkpoints.get(treeSize);
    if (!root) fail(`event ${event.position}: no signed checkpoint of ${treeSize} events in the export`);
    if (!Array.isArray(proof) || !inclusionHolds(leafHash(leafOf(event)), leafIndex, treeSize, proof, root))
      fail(`event ${event.position}: its inclusion proof does not lead to the signed root`);
    events++;
  });
  const sizes = [...checkpoints.keys()].join(', ');
  return `OK: ${events} events verified against the checkpoint(s) of ${sizes} events signed by log ${logId}`;
}

try {
  console.log(main(process.argv.slice(2)));
} catch (error) {
  console.log(`FAIL: ${error.message}`);
  process.exit(1);
}
