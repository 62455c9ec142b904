import { describe, expect, test } from 'vitest';
import { ratio } from './ratio.ts';

describe('ratio', () => {
  test('divides the part by the whole', () => {
    expect(ratio(4160, 4599)).toBe(4160 / 4599);
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(5, 4)).toBe(1.25);
  });

  test('is 0 when the whole is 0', () => {
    expect(ratio(0, 0)).toBe(0);
    expect(ratio(3, 0)).toBe(0);
  });

  test.each([
    [-1, 1],
    [1, -1],
    [Number.NaN, 1],
    [1, Number.POSITIVE_INFINITY],
  ])('throws a RangeError for ratio(%s, %s)', (part, whole) => {
    expect(() => ratio(part, whole)).toThrow(RangeError);
  });

  test('throws a TypeError for something that is not a number, naming the argument', () => {
    expect(() => ratio('1' as unknown as number, 2)).toThrow(new TypeError('ratio: part: expected number, received "1"'));
    expect(() => ratio(1, 2n as unknown as number)).toThrow(new TypeError('ratio: whole: expected number, received 2n'));
  });
});
