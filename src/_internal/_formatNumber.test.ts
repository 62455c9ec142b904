import { expect, test } from 'vitest';
import { _formatFigures, _formatNumber } from './_formatNumber.ts';

test('formats integers exactly and fractions to 15 significant digits, or every digit when asked', () => {
  expect(_formatNumber(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
  expect(_formatNumber(1e308)).toBe('1e+308');
  expect(_formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(_formatNumber(0.1 + 0.2, true)).toBe('0.30000000000000004');
  expect(_formatNumber(1724.51 + 3577.08)).toBe('5301.59');
  expect(_formatNumber(1.5)).toBe('1.5');
});

test('writes the two figures of a broken rule so that they differ, and a sum of safe integers exactly', () => {
  expect(_formatFigures([1724.51, 3577.08], 1724.51 + 3577.08, 5301)).toStrictEqual(['5301.59', '5301']);
  expect(_formatFigures([0.1, 0.2], 0.1 + 0.2, 0.3)).toStrictEqual(['0.30000000000000004', '0.3']);
  const max = Number.MAX_SAFE_INTEGER;
  expect(_formatFigures([max, 2], max + 2, max)).toStrictEqual(['9007199254740993', '9007199254740991']);
  // No parts, or a part that is not a safe integer: the sum as a number.
  expect(_formatFigures([], 0.1 + 0.2, 0.3)).toStrictEqual(['0.30000000000000004', '0.3']);
  expect(_formatFigures([1e300, 1], 1e300 + 1, 5)).toStrictEqual(['1e+300', '5']);
});
