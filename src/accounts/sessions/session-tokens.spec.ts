import { ActiveAccount } from '../domain/account.state';
import { ACCOUNT_ID, AT, LOGIN, PASSWORD_HASH } from '../domain/testing/account.fixtures';
import { actorOf, newRefreshToken, sessionIdOf } from './session-tokens';

const account = (role: ActiveAccount['role'], regionCode?: string): ActiveAccount => ({
  status: 'active',
  accountId: ACCOUNT_ID,
  login: LOGIN,
  displayName: 'Siti Rahma',
  passwordHash: PASSWORD_HASH,
  registeredAt: AT,
  role,
  ...(regionCode === undefined ? {} : { regionCode }),
  resetCode: null,
  sessionGeneration: 0,
});

describe('who session tokens name', () => {
  it('a facilitator with the region they are bound to', () =>
    expect(actorOf(account('facilitator', '62.06'))).toEqual({
      id: ACCOUNT_ID,
      role: 'facilitator',
      regionCode: '62.06',
    }));

  it('every other role without a region', () => {
    expect(actorOf(account('official:dinas-pupr'))).toEqual({ id: ACCOUNT_ID, role: 'official:dinas-pupr' });
    expect(actorOf(account('citizen'))).toEqual({ id: ACCOUNT_ID, role: 'citizen' });
  });

  it('a refresh token names its session', () => {
    const sessionId = '0f9c1a52-7b3e-4c4f-9a0e-2d6c5b8e1f30';
    expect(sessionIdOf(newRefreshToken(sessionId))).toBe(sessionId);
    expect(sessionIdOf(`${sessionId}.short`)).toBeUndefined();
  });
});
