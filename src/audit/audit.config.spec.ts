import { auditConfigFromEnv } from './audit.config';

describe('the audit configuration', () => {
  it('signs every 10 minutes with no witness by default', () => {
    expect(auditConfigFromEnv({})).toEqual({
      signingKey: undefined,
      checkpointIntervalMs: 600_000,
      witnesses: [],
    });
  });

  it('reads the interval in minutes and witnesses as https webhooks or e-mail addresses', () => {
    const config = auditConfigFromEnv({
      SUARA_AUDIT_CHECKPOINT_MINUTES: '0.5',
      SUARA_AUDIT_WITNESSES: ' https://saksi.example.org/checkpoints , ombudsman@example.go.id ,',
    });
    expect(config.checkpointIntervalMs).toBe(30_000);
    expect(config.witnesses).toEqual([
      { kind: 'webhook', url: 'https://saksi.example.org/checkpoints' },
      { kind: 'email', address: 'ombudsman@example.go.id' },
    ]);
  });

  it('refuses an interval that is not a positive number, and a witness it cannot reach', () => {
    for (const minutes of ['0', '-1', 'ten', ''])
      expect(() => auditConfigFromEnv({ SUARA_AUDIT_CHECKPOINT_MINUTES: minutes })).toThrow(/MINUTES/);
    expect(() => auditConfigFromEnv({ SUARA_AUDIT_WITNESSES: 'http://saksi.example.org' })).toThrow(
      /WITNESSES/,
    );
  });
});
