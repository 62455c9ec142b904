import { expect, test } from 'vitest';
import { _formatNumber } from './_formatNumber.ts';

test('formats integers exactly and fractions to 15 significant digits, or every digit when asked', () => {
  expect(_formatNumber(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
  expect(_formatNumber(1e308)).toBe('1e+308');
  expect(_formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(_formatNumber(0.1 + 0.2, true)).toBe('0.30000000000000004');
  expect(_formatNumber(1724.51 + 3577.08)).toBe('5301.59');
  expect(_formatNumber(1.5)).toBe('1.5');
});
