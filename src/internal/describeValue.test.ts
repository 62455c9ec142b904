import { describe, expect, test } from 'vitest';
import { describeValue, truncate } from './describeValue.ts';

describe('describeValue', () => {
  test.each([
    ['"12"', '12'],
    ['-0', -0],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
    ['12n', 12n],
    ['null', null],
    ['undefined', undefined],
    ['Array', [1]],
    ['Object', { a: 1 }],
    ['Object', Object.create(null)],
    ['Function', () => 1],
    ['Symbol(x)', Symbol('x')],
    ['true', true],
  ])('describes as %s', (expected, value) => {
    expect(describeValue(value)).toBe(expected);
  });

  test('cuts a huge string to at most 80 characters, saying how long it was', () => {
    const description = describeValue('x'.repeat(1_000_000));
    expect(description.length).toBeLessThanOrEqual(80);
    expect(description).toBe(`"${'x'.repeat(49)}… (1000002 characters)`);
  });

  test('cuts a symbol with a huge description', () => {
    expect(describeValue(Symbol('12'))).toBe('Symbol(12)');
    expect(describeValue(Symbol('s'.repeat(1_000_000)))).toMatch(/^Symbol\(s+… \(1000008 characters\)$/);
  });

  test('leaves short text alone', () => {
    expect(truncate('short')).toBe('short');
  });
});
