import { expect, test } from 'vitest';
import { formatNumber } from './formatNumber.ts';

test('formats integers exactly and fractions to 15 significant digits', () => {
  expect(formatNumber(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
  expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(formatNumber(1724.51 + 3577.08)).toBe('5301.59');
  expect(formatNumber(1.5)).toBe('1.5');
});
