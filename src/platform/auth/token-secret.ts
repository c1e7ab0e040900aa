import { loadBase64Secret } from '../secret-file';

/**
 * The token signing secret: SUARA_TOKEN_SECRET (base64, shared by all instances) in production; embedded, a
 * random one kept in the data folder so tokens survive a restart.
 */
export function loadTokenSecret(fromEnv: string | undefined, dataDir: string): Buffer {
  return loadBase64Secret({
    fromEnv,
    envName: 'SUARA_TOKEN_SECRET',
    dataDir,
    fileName: 'token-secret',
    minBytes: 32,
  });
}
