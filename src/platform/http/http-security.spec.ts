import fc from 'fast-check';
import { corsOriginsFromEnv, trustProxyFromEnv } from './http-security';

const host = fc.domain();
const origin = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    host,
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  )
  .map(
    ([scheme, name, port]) => new URL(`${scheme}://${name}${port === undefined ? '' : `:${port}`}`).origin,
  );

describe('SUARA_CORS_ORIGINS', () => {
  it('allows no origin when unset or blank', () => {
    expect(corsOriginsFromEnv(undefined)).toEqual([]);
    expect(corsOriginsFromEnv(' ')).toEqual([]);
  });

  it('reads any list of exact origins, spaces around commas allowed (property)', () => {
    fc.assert(
      fc.property(fc.array(origin, { minLength: 1, maxLength: 5 }), (origins) => {
        expect(corsOriginsFromEnv(origins.join(' , '))).toEqual(origins);
      }),
    );
  });

  it('refuses wildcards, paths, other schemes and empty entries, naming the entry', () => {
    for (const wrong of [
      '*',
      'https://warga.example.id/',
      'https://warga.example.id/app',
      'ftp://a.id',
      'warga.example.id',
      'https://a.id,,https://b.id',
      'https://*.example.id',
    ])
      expect(() => corsOriginsFromEnv(wrong)).toThrow(/SUARA_CORS_ORIGINS must list exact origins/);
  });

  it('refuses any entry that is not its own origin (property)', () => {
    fc.assert(
      fc.property(origin, fc.string({ minLength: 1 }), (allowed, suffix) => {
        const entry = `${allowed}${suffix}`;
        const isOrigin = (() => {
          try {
            return new URL(entry.trim()).origin === entry.trim();
          } catch {
            return false;
          }
        })();
        fc.pre(!isOrigin && !entry.includes(','));
        expect(() => corsOriginsFromEnv(entry)).toThrow(/SUARA_CORS_ORIGINS/);
      }),
    );
  });
});

describe('SUARA_TRUST_PROXY', () => {
  it('trusts nobody by default', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('false')).toBe(false);
    expect(trustProxyFromEnv('')).toBe(false);
  });

  it('reads true, a hop count, and lists of addresses, CIDRs and range names', () => {
    expect(trustProxyFromEnv('true')).toBe(true);
    expect(trustProxyFromEnv('1')).toBe(1);
    expect(trustProxyFromEnv('10.0.0.0/8, loopback,::1, fd00::/8')).toEqual([
      '10.0.0.0/8',
      'loopback',
      '::1',
      'fd00::/8',
    ]);
  });

  it('accepts every IPv4 address or CIDR (property)', () => {
    fc.assert(
      fc.property(
        fc.ipV4(),
        fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined }),
        (address, bits) => {
          const entry = bits === undefined ? address : `${address}/${bits}`;
          expect(trustProxyFromEnv(entry)).toEqual([entry]);
        },
      ),
    );
  });

  it('refuses anything else, naming the entry (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const entries = text.split(',').map((entry) => entry.trim());
        fc.pre(!['', 'true', 'false'].includes(text.trim()) && !/^[0-9]{1,2}$/.test(text.trim()));
        fc.pre(
          entries.some(
            (entry) =>
              !/^[0-9a-f:.]+(\/[0-9]+)?$/i.test(entry) &&
              !['loopback', 'linklocal', 'uniquelocal'].includes(entry),
          ),
        );
        expect(() => trustProxyFromEnv(text)).toThrow(/SUARA_TRUST_PROXY/);
      }),
    );
    expect(() => trustProxyFromEnv('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/);
    expect(() => trustProxyFromEnv('300.1.1.1')).toThrow(/SUARA_TRUST_PROXY/);
  });
});
