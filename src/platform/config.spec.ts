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

  it('refuses the development token issuer in production, and a port that is not one', () => {
    expect(() => configFromEnv({ SUARA_DEV_TOKENS: 'true', NODE_ENV: 'production' })).toThrow(/refused/);
    expect(configFromEnv({ SUARA_DEV_TOKENS: 'true' }).devTokens).toBe(true);
    expect(() => configFromEnv({ PORT: 'http' })).toThrow(/PORT/);
  });
});
