import fc from 'fast-check';
import { isRegionCode, regionCovers } from './region-codes';

const segments = [2, 2, 2, 4];
/** A well-formed code of any level, from digits that make neighbours likely (62, 62.06, 62.60 …). */
const regionCode = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.constantFrom('0', '2', '6'), { minLength: 10, maxLength: 10 }),
  )
  .map(([levels, digits]) => {
    let at = 0;
    return segments
      .slice(0, levels)
      .map((length) => digits.slice(at, (at += length)).join(''))
      .join('.');
  });

describe('region codes', () => {
  it.each(['62', '62.06', '62.06.02', '62.06.02.1003', '11.01.01.2001'])(
    'reads %s as a region code',
    (code) => {
      expect(isRegionCode(code)).toBe(true);
    },
  );

  it.each([
    '',
    '6',
    '620',
    '62.6',
    '62.06.02.103',
    '62.06.02.1003.1',
    ' 62.06',
    '62.06 ',
    '62..06',
    '62.06.',
    '６２',
    '62\n',
    62,
    null,
    ['62'],
    { $ne: null },
  ])('refuses %p', (value) => {
    expect(isRegionCode(value)).toBe(false);
  });

  describe('regionCovers', () => {
    it('covers the region itself and every region below it', () => {
      expect(regionCovers('62.06', '62.06')).toBe(true);
      expect(regionCovers('62.06', '62.06.02')).toBe(true);
      expect(regionCovers('62.06', '62.06.02.1003')).toBe(true);
      expect(regionCovers('62', '62.06.02.1003')).toBe(true);
    });

    it('covers neither a neighbour, nor a parent, nor a code that merely starts with the same digits', () => {
      expect(regionCovers('62.06', '62.07.01')).toBe(false);
      expect(regionCovers('62.06', '62')).toBe(false);
      expect(regionCovers('62.06.02', '62.06')).toBe(false);
      expect(regionCovers('62.0', '62.06')).toBe(false);
      expect(regionCovers('6', '62.06')).toBe(false);
    });

    it('covers exactly the codes whose segments start with the scope’s segments', () => {
      fc.assert(
        fc.property(regionCode, regionCode, (scope, code) => {
          const [outer, inner] = [scope.split('.'), code.split('.')];
          const nested = outer.length <= inner.length && outer.every((part, i) => inner[i] === part);
          expect(regionCovers(scope, code)).toBe(nested);
        }),
        { numRuns: 500 },
      );
    });
  });
});
