import { createECDH } from 'node:crypto';
import { loadBase64Secret } from '../secret-file';

/** The application server's VAPID key pair (RFC 8292), in the URL-safe base64 that web-push and browsers use. */
export interface VapidKeys {
  /** An uncompressed P-256 point (65 bytes): browsers subscribe with it as applicationServerKey. */
  readonly publicKey: string;
  /** The 32-byte private scalar. */
  readonly privateKey: string;
}

export const VAPID_KEY_ENV = 'SUARA_VAPID_PRIVATE_KEY';
export const VAPID_KEY_FILE = 'vapid-private-key';
const SCALAR_BYTES = 32;

export function vapidKeysFrom(privateKey: Buffer): VapidKeys {
  if (privateKey.length !== SCALAR_BYTES)
    throw new Error(
      `${VAPID_KEY_ENV} must decode to exactly ${SCALAR_BYTES} bytes (npx web-push generate-vapid-keys)`,
    );
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(privateKey);
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: privateKey.toString('base64url'),
  };
}

/**
 * From the environment (URL-safe base64, as `npx web-push generate-vapid-keys` prints it), or generated once into the
 * data folder. Browsers' subscriptions are bound to the public key: every instance must share it, and replacing it
 * ends every subscription.
 */
export function loadVapidKeys(dataDir: string, fromEnv: string | undefined): VapidKeys {
  if (fromEnv) {
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(fromEnv)) throw new Error(`${VAPID_KEY_ENV} must be URL-safe base64`);
    return vapidKeysFrom(Buffer.from(fromEnv, 'base64url'));
  }
  const secret = { fromEnv: undefined, envName: VAPID_KEY_ENV, dataDir, fileName: VAPID_KEY_FILE };
  return vapidKeysFrom(loadBase64Secret({ ...secret, minBytes: SCALAR_BYTES }));
}
