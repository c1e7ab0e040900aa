import { Actor } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { RecordSignInFailureBurst, securityAuditDecider, securityAuditStream } from './security-audit.decide';
import { admin, as, AT, NOW, system } from './testing/account.fixtures';

const burst = {
  loginDigest: 'a'.repeat(64),
  addressDigest: 'b'.repeat(64),
  failures: 10,
  windowStartedAt: '2026-03-10T01:50:00.000Z',
  at: AT,
};
const record = (data: Partial<typeof burst> = {}, actor: Actor = system): RecordSignInFailureBurst => ({
  type: 'RecordSignInFailureBurst',
  data: { ...burst, ...data },
  metadata: as(actor),
});
const given = givenEvents(securityAuditDecider);

describe('RecordSignInFailureBurst', () => {
  it('records a burst, by digests only', () =>
    given().when(record()).then({ type: 'SignInFailureBurst', data: burst }));

  it('is the platform’s alone to record', () =>
    given().when(record({}, admin)).thenFails('forbidden', 'system_only'));

  it.each([
    [{ loginDigest: '+6281234567890' }, 'invalid_digest', 'loginDigest'],
    [{ addressDigest: '127.0.0.1' }, 'invalid_digest', 'addressDigest'],
    [{ failures: 0 }, 'invalid_failures', 'failures'],
    [{ windowStartedAt: 'yesterday' }, 'invalid_window', 'windowStartedAt'],
    [{ windowStartedAt: '2026-03-10T02:00:01.000Z' }, 'invalid_window', 'windowStartedAt'],
  ])('refuses %j', (data, code, field) => given().when(record(data)).thenFails('invalid', code, field));

  it('names one stream per UTC day', () => {
    expect(securityAuditStream(NOW)).toBe('security-audit-2026-03-10');
    expect(securityAuditStream(new Date('2026-03-10T23:59:59+07:00'))).toBe('security-audit-2026-03-10');
  });
});
