import { join } from 'node:path';
import { appConfigFromEnv } from './app-config';

describe('the app configuration', () => {
  it('sends codes to the development outbox in the data folder when no channel is configured', () => {
    const config = appConfigFromEnv({ DATA_DIR: '/srv/suara' });
    expect(config.messages).toEqual({
      outboxFile: join('/srv/suara', 'outbox.ndjson'),
      fallbackToOutbox: true,
    });
  });

  it('takes the login key from SUARA_LOGIN_KEY and leaves the password cost at its default', () => {
    const config = appConfigFromEnv({ SUARA_LOGIN_KEY: 'a2V5' });
    expect(config.loginKey).toBe('a2V5');
    expect(config.passwordCost).toBeUndefined();
  });
});
