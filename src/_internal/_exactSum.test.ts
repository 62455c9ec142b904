import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { _addExactly, _exceeds, _valueOf } from './_exactSum.ts';

describe('_ExactSum', () => {
  test('keeps what a number would round away', () => {
    const sum = [0];
    for (const value of [2 ** 53 - 1, 0.1, 5e-324]) _addExactly(sum, value);
    expect(_exceeds(sum, 2 ** 53 - 1)).toBe(true);
    expect(_valueOf(sum)).toBe(2 ** 53 - 1);
    const exact = [0];
    for (const value of [2 ** 52, 2 ** 52 - 1]) _addExactly(exact, value);
    expect(_exceeds(exact, 2 ** 53 - 1)).toBe(false);
  });

  test('is exact: adding any doubles and then their negations in any order leaves zero', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), { maxLength: 30 }), fc.nat(), (values, seed) => {
        const sum = [0];
        for (const value of values) _addExactly(sum, value);
        const undo = [...values].sort((x, y) => ((x * 7919 + seed) % 13) - ((y * 7919 + seed) % 13) || x - y);
        for (const value of undo) _addExactly(sum, -value);
        expect(_valueOf(sum)).toBe(0);
        expect(sum.every((part) => part === 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
