import { assertJsonShape, MAX_JSON_DEPTH } from './json-shape';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('assertJsonShape', () => {
  it.each([null, 'text', {}, [], { a: [1, { b: null }] }])('accepts %j', (value) =>
    expect(() => assertJsonShape(value)).not.toThrow(),
  );

  it('accepts the depth limit', () => expect(() => assertJsonShape(nested(MAX_JSON_DEPTH))).not.toThrow());

  it('refuses one level more with too_deeply_nested, naming the limit', () =>
    expect(() => assertJsonShape(nested(MAX_JSON_DEPTH + 1))).toThrow(
      expect.objectContaining({
        kind: 'invalid',
        code: 'too_deeply_nested',
        message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`),
      }),
    ));

  it('refuses 100,000 levels without overflowing the stack', () =>
    expect(() => assertJsonShape(nested(100_000))).toThrow(
      expect.objectContaining({ code: 'too_deeply_nested' }),
    ));

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere, naming its path', (key) =>
    expect(() => assertJsonShape(JSON.parse(`{"a":[{"${key}":{"polluted":true}}]}`))).toThrow(
      expect.objectContaining({
        problems: [{ field: `a.0.${key}`, message: `${key} is not a field of any request` }],
      }),
    ),
  );
});
