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

  it('accepts no external tokens unless SUARA_OIDC_ISSUER is set, and reads it with its audience and map', () => {
    expect(appConfigFromEnv({}).oidc).toBeUndefined();
    const config = appConfigFromEnv({
      SUARA_OIDC_ISSUER: 'https://sso.katingankab.go.id',
      SUARA_OIDC_AUDIENCE: 'suara-warga-api',
      SUARA_OIDC_ROLE_MAP: '{"diskominfo-moderator":"facilitator"}',
    });
    expect(config.oidc).toMatchObject({ issuer: 'https://sso.katingankab.go.id', roleClaim: 'groups' });
    expect(config.oidc?.roleMap.get('diskominfo-moderator')).toBe('facilitator');
  });

  it('refuses to start with a half-configured issuer', () => {
    expect(() => appConfigFromEnv({ SUARA_OIDC_ISSUER: 'https://sso.katingankab.go.id' })).toThrow(
      /SUARA_OIDC_AUDIENCE is required/,
    );
  });
});
