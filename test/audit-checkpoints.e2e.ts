import { canonicalize } from 'json-canonicalize';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { leafHash } from '../src/audit/merkle/merkle-hash';
import { verifyConsistency, verifyInclusion } from '../src/audit/merkle/merkle-verify';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient } from './support/api-client';
import { outboxOf } from './support/outbox';
import { actors, roadComplaint } from './support/scenario';
import { testConfig } from './support/test-config';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const unhex = (text: string) => Buffer.from(text, 'hex');

interface Checkpoint {
  logId: string;
  rootHash: string;
  timestamp: string;
  treeSize: number;
  signature: string;
}

/** Checks a checkpoint as an outsider would: Ed25519 over the RFC 8785 JSON of its four fields. */
function signatureValid(checkpoint: Checkpoint, publicKeyPem: string): boolean {
  const { logId, rootHash, timestamp, treeSize } = checkpoint;
  const signed = Buffer.from(canonicalize({ logId, rootHash, timestamp, treeSize }));
  return verify(null, signed, createPublicKey(publicKeyPem), Buffer.from(checkpoint.signature, 'base64'));
}

async function submit(api: ApiClient, count: number): Promise<string[]> {
  const positions: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await actors(api).warga.post(
      '/api/aspirations',
      roadComplaint({ title: `Jalan rusak nomor ${i + 1}` }),
    );
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    positions.push(response.body.position);
  }
  return positions;
}

describe('signed checkpoints and proofs (e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;
  let publicKey: string;

  beforeAll(async () => {
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    publicKey = (await api.send('GET', '/api/audit/public-key')).body.publicKey;
  });
  afterAll(() => running.close());

  it('serves its public key and names the log by the key’s SHA-256, before any checkpoint exists', async () => {
    const key = await api.send('GET', '/api/audit/public-key');
    expect(key.status).toBe(200);
    const der = createPublicKey(key.body.publicKey).export({ format: 'der', type: 'spki' });
    expect(key.body).toMatchObject({
      algorithm: 'Ed25519',
      logId: createHash('sha256').update(der).digest('hex'),
    });
    expect((await api.send('GET', '/api/audit/checkpoints/latest')).body.code).toBe('no_checkpoint');
    expect((await actors(api).auditor.post('/api/audit/checkpoints')).body.code).toBe('log_empty');
  });

  it('signs a checkpoint of the whole log on an auditor’s demand, and only one while the log stays the same', async () => {
    await submit(api, 3);
    const { auditor, admin } = actors(api);
    const made = await auditor.post('/api/audit/checkpoints');
    expect(made.status).toBe(201);
    expect(made.body.treeSize).toBe(3);
    expect(signatureValid(made.body, publicKey)).toBe(true);
    const again = await admin.post('/api/audit/checkpoints');
    expect(again).toMatchObject({ status: 200, body: made.body });
    expect((await api.send('GET', '/api/audit/checkpoints/latest')).body).toEqual(made.body);
    // The checkpoint is itself an event of the log, chained like any other.
    const [stored] = await events.readStream('audit-checkpoints');
    expect(stored.data).toEqual(made.body);
  });

  it('refuses a checkpoint to anyone but auditors and admins', async () => {
    expect((await actors(api).warga.post('/api/audit/checkpoints')).body.code).toBe('auditors_only');
    expect((await actors(api).fasilitator.post('/api/audit/checkpoints')).status).toBe(403);
    expect((await api.send('POST', '/api/audit/checkpoints')).status).toBe(401);
  });

  it('proves every event is in a later checkpoint, and that the later checkpoint extends the older one', async () => {
    const first = (await api.send('GET', '/api/audit/checkpoints/latest')).body as Checkpoint;
    const positions = await submit(api, 4);
    const second = (await actors(api).auditor.post('/api/audit/checkpoints')).body as Checkpoint;
    expect(second.treeSize).toBe(first.treeSize + 1 + 4);
    const all = await events.readAll();
    for (const event of all.slice(0, second.treeSize)) {
      const proof = await actors(api).auditor.get(
        `/api/audit/proofs/inclusion?position=${event.position}&treeSize=${second.treeSize}`,
      );
      expect(proof.status).toBe(200);
      expect(proof.body.leaf).toEqual({
        hash: event.hash,
        position: String(event.position),
        revision: event.revision,
        stream: event.stream,
      });
      const leaf = leafHash(Buffer.from(canonicalize(proof.body.leaf)));
      const path = proof.body.proof.map(unhex);
      expect(verifyInclusion(leaf, proof.body.leafIndex, second.treeSize, path, unhex(second.rootHash))).toBe(
        true,
      );
    }
    const latestDefault = await actors(api).auditor.get(
      `/api/audit/proofs/inclusion?position=${positions[0]}`,
    );
    expect(latestDefault.body.treeSize).toBe(second.treeSize);
    // Without a token, a leaf of an unverified aspiration answers as none: walking positions lists no private stream.
    const unseen = await api.send('GET', `/api/audit/proofs/inclusion?position=${positions[0]}`);
    expect({ status: unseen.status, code: unseen.body.code }).toEqual({
      status: 404,
      code: 'event_not_in_tree',
    });
    const checkpointLeaf = all.find((event) => event.stream === 'audit-checkpoints')!;
    const open = await api.send('GET', `/api/audit/proofs/inclusion?position=${checkpointLeaf.position}`);
    expect(open.status).toBe(200);
    const consistency = await api.send(
      'GET',
      `/api/audit/proofs/consistency?from=${first.treeSize}&to=${second.treeSize}`,
    );
    expect(consistency.body).toMatchObject({ fromRoot: first.rootHash, toRoot: second.rootHash });
    const proof = consistency.body.proof.map(unhex);
    expect(
      verifyConsistency(
        first.treeSize,
        second.treeSize,
        unhex(first.rootHash),
        unhex(second.rootHash),
        proof,
      ),
    ).toBe(true);
  });

  it('lists checkpoints oldest first in pages, and finds one by its tree size', async () => {
    const page = await api.send('GET', '/api/audit/checkpoints?limit=1');
    expect(page.body.checkpoints).toHaveLength(1);
    const rest = await api.send('GET', `/api/audit/checkpoints?after=${page.body.next}`);
    expect(rest.body.next).toBeUndefined();
    const sizes = [...page.body.checkpoints, ...rest.body.checkpoints].map((c: Checkpoint) => c.treeSize);
    expect(sizes).toEqual([3, 8]);
    expect((await api.send('GET', '/api/audit/checkpoints/8')).body.treeSize).toBe(8);
    expect((await api.send('GET', '/api/audit/checkpoints/5')).body.code).toBe('checkpoint_not_found');
    expect((await api.send('GET', '/api/audit/checkpoints/-1')).status).toBe(400);
  });

  it('answers plainly for sizes and positions the tree does not hold', async () => {
    const head = await events.headPosition();
    const beyond = await api.send('GET', `/api/audit/proofs/inclusion?position=${head! + 100n}`);
    expect(beyond.body.code).toBe('event_not_in_tree');
    const tooBig = await api.send('GET', '/api/audit/proofs/consistency?from=3&to=1000');
    expect(tooBig.body.code).toBe('tree_size_not_reached');
    const reversed = await api.send('GET', '/api/audit/proofs/consistency?from=8&to=3');
    expect(reversed.body).toMatchObject({ status: 400, code: 'invalid_range' });
    const after = await api.send('GET', `/api/audit/proofs/inclusion?position=${head}&treeSize=3`);
    expect(after.body).toMatchObject({ status: 400, code: 'event_after_tree' });
  });

  it('keeps its checkpoints and its key across a restart', async () => {
    const before = (await api.send('GET', '/api/audit/checkpoints/latest')).body;
    await running.close();
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    expect((await api.send('GET', '/api/audit/checkpoints/latest')).body).toEqual(before);
    expect((await api.send('GET', '/api/audit/public-key')).body.publicKey).toBe(publicKey);
  });
});

describe('periodic checkpoints and witnesses (e2e)', () => {
  it('signs one after the interval once the log grew, and sends it to the configured witnesses', async () => {
    const dataDir = freshDataDir();
    const config = {
      ...testConfig(dataDir),
      audit: {
        checkpointIntervalMs: 200,
        witnesses: [{ kind: 'email' as const, address: 'saksi@ombudsman.go.id' }],
      },
    };
    const running = await startTestApp(dataDir, undefined, config);
    try {
      const api = new ApiClient(running.url);
      await submit(api, 2);
      const latest = async () => (await api.send('GET', '/api/audit/checkpoints/latest')).body as Checkpoint;
      // Each interval signs what the log holds by then: wait for the one that covers both submissions.
      await waitFor(async () => (await latest()).treeSize >= 2, 'a periodic checkpoint of both submissions');
      await waitFor(
        () => outboxOf(dataDir).some((line) => line.kind === 'checkpoint_witness'),
        'the witness message',
      );
      const witnessed = outboxOf(dataDir).filter((line) => line.kind === 'checkpoint_witness');
      expect(witnessed[0].to.address).toBe('saksi@ombudsman.go.id');
      expect(
        signatureValid(
          JSON.parse(witnessed[0].text),
          (await api.send('GET', '/api/audit/public-key')).body.publicKey,
        ),
      ).toBe(true);
    } finally {
      await running.close();
    }
  });
});
