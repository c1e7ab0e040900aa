import fc from 'fast-check';
import { RATE_LIMIT_DEFAULTS, rateLimitsFromEnv } from './rate-limits';

describe('rate limit settings from the environment', () => {
  it('keeps every default when nothing is set, and turns off only on request', () => {
    expect(rateLimitsFromEnv({})).toEqual({});
    expect({ ...RATE_LIMIT_DEFAULTS, ...(rateLimitsFromEnv({}) as object) }).toEqual(RATE_LIMIT_DEFAULTS);
    expect(rateLimitsFromEnv({ SUARA_RATE_LIMITS: 'off' })).toBe('off');
    expect(() => rateLimitsFromEnv({ SUARA_RATE_LIMITS: 'no' })).toThrow(
      /SUARA_RATE_LIMITS must be on or off/,
    );
  });

  it('reads <requests>/<seconds> per bucket (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 86_400 }),
        (limit, seconds) => {
          expect(rateLimitsFromEnv({ SUARA_RATE_LIMIT_SIGN_IN: `${limit}/${seconds}` })).toEqual({
            signIn: { limit, windowMs: seconds * 1000 },
          });
        },
      ),
    );
  });

  it('refuses anything else, naming the variable (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^\s*[1-9][0-9]{0,8}\/[1-9][0-9]{0,6}\s*$/.test(text));
        expect(() => rateLimitsFromEnv({ SUARA_RATE_LIMIT_COMMANDS: text })).toThrow(
          /^SUARA_RATE_LIMIT_COMMANDS must be <requests>\/<seconds>/,
        );
      }),
    );
    for (const wrong of ['0/60', '10/0', '10', '-1/60', '1.5/60', '10/60s'])
      expect(() => rateLimitsFromEnv({ SUARA_RATE_LIMIT_READS: wrong })).toThrow(/SUARA_RATE_LIMIT_READS/);
  });
});
