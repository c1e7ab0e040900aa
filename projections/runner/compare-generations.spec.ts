import { firstDifference } from './compare-generations';

describe('the first difference between two documents', () => {
  it('names the first differing field by its dotted path, in sorted key order', () => {
    expect(firstDifference({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] } })).toBe('b.c.1');
    expect(firstDifference({ z: 1, status: 'closed' }, { z: 2, status: 'open' })).toBe('status');
    expect(firstDifference({ a: 1 }, { a: 1, extra: null })).toBe('extra');
  });

  it('finds nothing between equal documents, whatever their key order', () => {
    expect(firstDifference({ a: [1, { b: 2 }], c: 'x' }, { c: 'x', a: [1, { b: 2 }] })).toBeUndefined();
  });

  it('tells an array from an object with the same keys', () => {
    expect(firstDifference({ a: ['x'] }, { a: { 0: 'x' } })).toBe('a');
  });
});
