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

  it('uses MongoDB for read models and keys when MONGO_URL is set', () => {
    const config = configFromEnv({ MONGO_URL: 'mongodb://db/suara' });
    expect(config.documentStore).toEqual({ kind: 'mongodb', url: 'mongodb://db/suara' });
    expect(config.keyStore).toEqual({ kind: 'mongodb', url: 'mongodb://db/suara' });
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
