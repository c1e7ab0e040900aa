import { configFromEnv } from './config';

describe('configuration from the environment', () => {
  it('runs embedded by default, with every file under the data folder', () => {
    const config = configFromEnv({ DATA_DIR: '/srv/suara' });
    expect(config).toMatchObject({
      port: 3000,
      eventStore: { kind: 'sqlite', file: '/srv/suara/events.sqlite' },
      documentStore: { kind: 'sqlite', file: '/srv/suara/read-models.sqlite' },
      keyStore: { kind: 'sqlite', file: '/srv/suara/keys.sqlite' },
      devTokens: false,
    });
  });

  it('uses MongoDB for read models and keys when MONGO_URL is set, the keys in a database of their own', () => {
    const config = configFromEnv({ MONGO_URL: 'mongodb://db/suara?replicaSet=rs0' });
    expect(config.documentStore).toEqual({ kind: 'mongodb', url: 'mongodb://db/suara?replicaSet=rs0' });
    expect(config.keyStore).toEqual({
      kind: 'mongodb',
      url: 'mongodb://db/suara?replicaSet=rs0',
      database: 'suara-keys',
      formerDatabase: 'suara',
    });
  });

  it('keeps keys where KEYS_MONGO_URL says, with or without MONGO_URL', () => {
    const keys = { kind: 'mongodb', url: 'mongodb://vault/keys' };
    expect(
      configFromEnv({ MONGO_URL: 'mongodb://db/suara', KEYS_MONGO_URL: 'mongodb://vault/keys' }).keyStore,
    ).toEqual(keys);
    const alone = configFromEnv({ DATA_DIR: '/srv/suara', KEYS_MONGO_URL: 'mongodb://vault/keys' });
    expect(alone.keyStore).toEqual(keys);
    expect(alone.documentStore).toEqual({ kind: 'sqlite', file: '/srv/suara/read-models.sqlite' });
  });

  it('serves metrics on their own port only when METRICS_PORT is set, with a token of some length', () => {
    expect(configFromEnv({}).metrics).toBeUndefined();
    expect(configFromEnv({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    const token = 'a'.repeat(24);
    expect(
      configFromEnv({ METRICS_PORT: '0', METRICS_HOST: '10.0.0.5', METRICS_TOKEN: token }).metrics,
    ).toEqual({
      port: 0,
      host: '10.0.0.5',
      token,
    });
    expect(() => configFromEnv({ METRICS_PORT: 'metrics' })).toThrow(/METRICS_PORT/);
    expect(() => configFromEnv({ METRICS_PORT: '9464', METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('bounds the read-your-writes wait by SUARA_READ_WAIT_MS, in milliseconds up to a minute', () => {
    expect(configFromEnv({}).readWaitMs).toBeUndefined();
    expect(configFromEnv({ SUARA_READ_WAIT_MS: '10000' }).readWaitMs).toBe(10_000);
    expect(configFromEnv({ SUARA_READ_WAIT_MS: '0' }).readWaitMs).toBe(0);
    for (const wrong of ['soon', '-1', '1.5', '60001', '1e9'])
      expect(() => configFromEnv({ SUARA_READ_WAIT_MS: wrong })).toThrow(/SUARA_READ_WAIT_MS/);
  });

  it('refuses a port that is not one', () => {
    expect(() => configFromEnv({ PORT: 'http' })).toThrow(/PORT/);
  });

  it.each([undefined, '', 'development', 'test'])(
    'mounts the dev token issuer when NODE_ENV is %p',
    (env) => {
      expect(configFromEnv({ SUARA_DEV_TOKENS: 'true', NODE_ENV: env }).devTokens).toBe(true);
    },
  );

  it.each(['production', 'Production', 'prod', 'PRODUCTION', 'staging', 'Development', 'dev', ' test'])(
    'refuses to start with the dev token issuer when NODE_ENV is %p',
    (env) => {
      expect(() => configFromEnv({ SUARA_DEV_TOKENS: 'true', NODE_ENV: env })).toThrow(
        /SUARA_DEV_TOKENS=true .*NODE_ENV/,
      );
    },
  );

  it('never mounts the dev token issuer unless SUARA_DEV_TOKENS is exactly true', () => {
    for (const value of [undefined, 'false', '1', 'TRUE', 'yes'])
      expect(configFromEnv({ SUARA_DEV_TOKENS: value, NODE_ENV: 'production' }).devTokens).toBe(false);
  });
});
