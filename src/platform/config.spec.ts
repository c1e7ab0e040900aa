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
