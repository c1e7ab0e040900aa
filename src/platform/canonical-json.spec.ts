import fc from 'fast-check';
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
});
