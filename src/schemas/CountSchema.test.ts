import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { CountSchema, StrictCountSchema } from './CountSchema.ts';

describe('CountSchema', () => {
  test.each([0, -0, 1, 52.5, Number.MAX_SAFE_INTEGER, 1e308, Number.MIN_VALUE])('accepts %s', (value) => {
    expect(v.safeParse(CountSchema, value)).toMatchObject({ success: true, output: value });
  });

  test.each([
    [-1, 'min_value'],
    [Number.NaN, 'number'],
    [Number.POSITIVE_INFINITY, 'finite'],
    ['12', 'number'],
    [12n, 'number'],
  ])('rejects %s with a %s issue', (value, type) => {
    const result = v.safeParse(CountSchema, value);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.type).toBe(type);
  });
});

describe('StrictCountSchema', () => {
  test.each([0, 1, Number.MAX_SAFE_INTEGER])('accepts %s', (value) => {
    expect(v.is(StrictCountSchema, value)).toBe(true);
  });

  test.each([0.5, Number.MAX_SAFE_INTEGER + 1, -1, 1e308])('rejects %s', (value) => {
    expect(v.is(StrictCountSchema, value)).toBe(false);
  });
});
