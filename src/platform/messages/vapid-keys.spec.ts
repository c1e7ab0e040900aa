import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webPush from 'web-push';
import { loadVapidKeys } from './vapid-keys';

describe('VAPID keys', () => {
  it('are generated once into the data folder and kept', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suara-vapid-'));
    const first = loadVapidKeys(dataDir, undefined);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    expect(loadVapidKeys(dataDir, undefined)).toEqual(first);
  });

  it('take the private key web-push generates, and derive its public key', () => {
    const generated = webPush.generateVAPIDKeys();
    expect(loadVapidKeys('/nonexistent', generated.privateKey)).toEqual(generated);
  });

  it('refuse a key that is not one', () => {
    expect(() => loadVapidKeys('/nonexistent', 'c2hvcnQ')).toThrow(/32 bytes/);
    expect(() => loadVapidKeys('/nonexistent', 'not base64!')).toThrow(/base64/);
  });
});
