import fc from 'fast-check';

/** Characters that break naive text handling: NUL, controls, bidi overrides, zero-width, lone surrogates. */
const awkwardCharacters = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\r',
  '\n',
  '\t',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udfff',
  'e\u0301',
  '\u0301',
  '💥',
  ' ',
  '"',
  '\\',
  'a',
);

/** Strings as an attacker sends them: any code unit, awkward characters, or very long. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: awkwardCharacters, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz .-:0123456789'), maxLength: 40 }),
  fc.integer({ min: 5_000, max: 12_000 }).map((length) => 'x'.repeat(length)),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', 'null', 'NaN', '-1', '1e999'),
);

/** An object whose own keys include prototype-pollution names, built as JSON.parse builds it. */
const prototypeKeys = fc
  .record({
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty'),
    value: fc.oneof(fc.constant({ polluted: true }), fc.constant(null), fc.string({ maxLength: 5 })),
  })
  .map(({ key, value }) => JSON.parse(JSON.stringify({ [key]: value })) as object);

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER + 2, 1e308),
  hostileString,
);

/** Any JSON value a client could send: scalars, arrays, nesting, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('topic', 'since')), tie('value'), { maxKeys: 4 }),
    prototypeKeys,
  ),
})).value;

/** Topics in and out of the allowed forms. */
export const topics = fc.oneof(
  fc.constantFrom(
    'feed',
    'region:62.06',
    'agency:dinas-pupr',
    'aspiration:00000000-0000-4000-8000-000000000000',
  ),
  fc.constantFrom('feed ', 'FEED', 'region:', 'aspiration:', 'agency:-x', 'feed\u0000', 'f\u0065\u0301ed'),
);

export const positions = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 39n - 1n }).map(String),
  fc.constantFrom('', '01', '-1', '1.5', '1e3', ' 1', '0x10', '1'.repeat(40)),
);

/** `{"title":[[…[]…]]}`: an object nested `depth` levels deep (2 bytes a level, within every size limit). */
export const nestedJson = (depth: number): string =>
  `{"title":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
