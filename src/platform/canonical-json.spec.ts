import fc from 'fast-check';
import { canonicalize } from 'json-canonicalize';
import { canonicalJson } from './canonical-json';

/** The first, plainly written version: the hashes of every stored event depend on matching it byte for byte. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

describe('canonical JSON', () => {
  it('writes exactly what the reference version wrote, for any JSON value and unicode keys', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const withUndefined = fc.dictionary(fc.string({ unit: 'binary' }), fc.option(value, { nil: undefined }));
    fc.assert(fc.property(fc.oneof(value, withUndefined), (v) => canonicalJson(v) === reference(v)));
  });

  it('sorts keys by UTF-16 code units and refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: [true, null], é: 'x', Z: { d: 2, c: undefined } })).toBe(
      '{"Z":{"d":2},"a":[true,null],"b":1,"é":"x"}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });

  // The event hashes keep this hand-written hot path; checkpoints use the library. Equal output means the event
  // hashes are RFC 8785 too, as an outsider's JCS library computes them, without rehashing a single stored event.
  it('writes byte for byte what a maintained RFC 8785 library writes, for any JSON value', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const keyed = fc.dictionary(fc.string({ unit: 'binary' }), fc.option(value, { nil: undefined }));
    const strings = fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.oneof(value, keyed, strings, fc.double({ noNaN: true, noDefaultInfinity: true })),
        (v) => {
          expect(canonicalJson(v)).toBe(canonicalize(v));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes the numbers of RFC 8785 appendix B as the RFC does', () => {
    const numbers = [0, -0, 1e21, 1e-7, 0.000001, 333333333.3333333, 9007199254740991, 4.5, 2e-3, 1e23];
    expect(canonicalJson(numbers)).toBe(
      '[0,0,1e+21,1e-7,0.000001,333333333.3333333,9007199254740991,4.5,0.002,1e+23]',
    );
    expect(canonicalJson(numbers)).toBe(canonicalize(numbers));
  });
});
