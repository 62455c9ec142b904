import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkImageUsage } from './checkImageUsage.ts';
import { sdkUsage as consistent } from '../../test/fixtures/samples.ts';
import { _usageKeys, _WIRE } from '../_shape.ts';
import { toWire } from '../toWire/toWire.ts';


describe('checkImageUsage', () => {
  test('finds nothing wrong with a consistent usage object', () => {
    expect(checkImageUsage(consistent)).toStrictEqual([]);
  });

  test("reports the seed document's own example: total and input", () => {
    const found = checkImageUsage({
      totalTokens: 5343.23,
      inputTokens: 1724.51,
      outputTokens: 3577.08,
      inputTokensDetails: { textTokens: 8380.62, imageTokens: 553.63 },
    });
    expect(found.map(({ rule }) => rule)).toStrictEqual(['total', 'input']);
    expect(found[0]?.received).toBe(5343.23);
    expect(found[0]?.expected).toBeCloseTo(5301.59, 9);
    expect(found[0]?.message).toBe('totalTokens: expected inputTokens + outputTokens = 5301.59, received 5343.23');
    expect(found[1]?.received).toBe(1724.51);
    expect(found[1]?.expected).toBeCloseTo(8934.25, 9);
    expect(found[1]?.message).toBe(
      'inputTokens: expected inputTokensDetails.textTokens + inputTokensDetails.imageTokens = 8934.25, received 1724.51',
    );
  });

  test('says that a wire-form usage is one, and names parseImageUsage: the whole form, or any one wire key', () => {
    const hint = new TypeError('checkImageUsage: usage is in the wire form (snake_case keys such as total_tokens): parse it into the SDK form with parseImageUsage first');
    expect(() => checkImageUsage(toWire(consistent) as never)).toThrow(hint);
    for (const key of _usageKeys(_WIRE)) expect(() => checkImageUsage({ [key]: 0 } as never)).toThrow(hint);
  });

  test('checks the output rule only when output details are present', () => {
    const { outputTokensDetails: _, ...withoutDetails } = consistent;
    expect(checkImageUsage({ ...withoutDetails, outputTokens: 4599 })).toStrictEqual([]);
    expect(checkImageUsage({ ...consistent, outputTokensDetails: { textTokens: 440, imageTokens: 4160 } })).toStrictEqual([
      {
        rule: 'output',
        expected: 4600,
        received: 4599,
        message: 'outputTokens: expected outputTokensDetails.textTokens + outputTokensDetails.imageTokens = 4600, received 4599',
      },
    ]);
  });

  test('compares integers exactly: one token off is reported', () => {
    expect(checkImageUsage({ ...consistent, totalTokens: 4769 }).map(({ rule }) => rule)).toStrictEqual(['total']);
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(
      checkImageUsage({ ...consistent, totalTokens: big, inputTokens: big - 4599 - 1, inputTokensDetails: { textTokens: big - 4600, imageTokens: 0 } }),
    ).toStrictEqual([expect.objectContaining({ rule: 'total', expected: big - 1, received: big })]);
  });

  test('compares fractions with a relative tolerance of 1e-9 by default', () => {
    const fractional = {
      totalTokens: 0.3,
      inputTokens: 0.1,
      outputTokens: 0.2,
      inputTokensDetails: { textTokens: 0.1, imageTokens: 0 },
    };
    expect(checkImageUsage(fractional)).toStrictEqual([]);
    expect(checkImageUsage({ ...fractional, totalTokens: 0.3 * (1 + 1e-8) }).map(({ rule }) => rule)).toStrictEqual(['total']);
    expect(checkImageUsage({ ...fractional, totalTokens: 0.3 * (1 + 1e-8) }, { tolerance: 1e-6 })).toStrictEqual([]);
    expect(checkImageUsage({ ...fractional, totalTokens: 0.30000000001 }, { tolerance: 0 })).toHaveLength(1);
  });

  test('the tolerance is relative in the subnormal range too: a product that rounds up does not double it', () => {
    // tolerance * max rounds up to 5e-324 here, which is the whole difference: once taken as within 0.26.
    const tiny = { totalTokens: 5e-324, inputTokens: 5e-324, outputTokens: 5e-324, inputTokensDetails: { textTokens: 5e-324, imageTokens: 0 } };
    expect(checkImageUsage(tiny, { tolerance: 0.26 }).map(({ rule }) => rule)).toStrictEqual(['total']);
    expect(checkImageUsage(tiny, { tolerance: 0.5 })).toStrictEqual([]);
    // One subnormal step off 2.964393875e-315 is 1.7e-9 relative: past the default 1e-9.
    const total = 2.964393875e-315;
    const off = { totalTokens: total, inputTokens: total, outputTokens: 5e-324, inputTokensDetails: { textTokens: total, imageTokens: 0 } };
    expect(checkImageUsage(off).map(({ rule }) => rule)).toStrictEqual(['total']);
  });

  test('for any counts and tolerance, a rule holds exactly when |sum - figure| <= tolerance * max(sum, figure), computed exactly', () => {
    /** A double's exact value times 2^1074, a whole number. */
    const scaled = (value: number): bigint => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, value);
      const bits = view.getBigUint64(0);
      const exponent = Number((bits >> 52n) & 0x7ffn);
      const mantissa = bits & ((1n << 52n) - 1n);
      return exponent === 0 ? mantissa : (mantissa | (1n << 52n)) << BigInt(exponent - 1);
    };
    // Subnormal and tiny normal counts, where a product rounds most, and fractions of every size.
    const count = fc.oneof(
      fc.nat(4000).map((steps) => steps * 5e-324),
      fc.double({ min: 0, max: 1e-300, noNaN: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    const tolerance = fc.oneof(fc.constantFrom(0, 1e-9, 0.26), fc.double({ min: 0, max: 1, noNaN: true }));
    let broken = 0;
    fc.assert(
      fc.property(count, count, count, tolerance, (input, output, total, tolerance) => {
        const usage = { totalTokens: total, inputTokens: input, outputTokens: output, inputTokensDetails: { textTokens: input, imageTokens: 0 } };
        const holds = checkImageUsage(usage, { tolerance }).length === 0;
        const sum = input + output;
        // Safe integers compare exactly (the test above).
        if ([input, output, total].every(Number.isSafeInteger)) return;
        // |sum - total| * 2^1074 against tolerance * max, both times 2^2148; a quotient rounds by at most
        // one part in 2^52 of the tolerance, so a rule that holds may be that close past it.
        const difference = scaled(Math.abs(sum - total)) << 1074n;
        const allowed = scaled(tolerance) * scaled(Math.max(sum, total));
        if (holds) expect(difference * 2n ** 52n <= allowed * (2n ** 52n + 1n)).toBe(true);
        else {
          broken++;
          expect(difference > allowed).toBe(true);
        }
      }),
      { numRuns: 20_000 },
    );
    expect(broken).toBeGreaterThan(1000);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects a tolerance of %s with a RangeError', (tolerance) => {
    expect(() => checkImageUsage(consistent, { tolerance })).toThrow(RangeError);
  });

  test('throws a TypeError naming the field for a malformed usage object', () => {
    expect(() => checkImageUsage({ ...consistent, inputTokens: Number.NaN })).toThrow(
      new TypeError('checkImageUsage: usage is not an ImageUsage: inputTokens: expected number, received NaN'),
    );
  });

  test('compares counts past 2^53 as numbers, within the tolerance: a number holds them only to the nearest double', () => {
    // 1e17 + 1 is 1e17 as a number, and 1e17 cannot be told from 1e17 + 1 in one either.
    const big = { totalTokens: 1e17, inputTokens: 1e17, outputTokens: 1, inputTokensDetails: { textTokens: 1e17, imageTokens: 0 } };
    expect(checkImageUsage(big)).toStrictEqual([]);
    expect(checkImageUsage(big, { tolerance: 0 })).toStrictEqual([]);
    // Off by more than the tolerance: reported, with two figures that differ.
    expect(checkImageUsage({ ...big, outputTokens: 1e9 })).toStrictEqual([
      {
        rule: 'total',
        expected: 100000001000000000,
        received: 1e17,
        message: 'totalTokens: expected inputTokens + outputTokens = 100000001000000000, received 100000000000000000',
      },
    ]);
  });

  test('safe integers whose exact sum passes 2^53 are reported, with figures that differ', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const found = checkImageUsage({ totalTokens: max, inputTokens: max, outputTokens: 2, inputTokensDetails: { textTokens: max, imageTokens: 0 } });
    expect(found).toStrictEqual([
      expect.objectContaining({ rule: 'total', expected: max + 2, received: max, message: 'totalTokens: expected inputTokens + outputTokens = 9007199254740993, received 9007199254740991' }),
    ]);
  });

  test('a broken rule never reads as the same figure twice: 0.1 + 0.2 against 0.3 with no tolerance', () => {
    const usage = { totalTokens: 0.3, inputTokens: 0.1, outputTokens: 0.2, inputTokensDetails: { textTokens: 0.1, imageTokens: 0 } };
    expect(checkImageUsage(usage, { tolerance: 0 })).toStrictEqual([
      {
        rule: 'total',
        expected: 0.30000000000000004,
        received: 0.3,
        message: 'totalTokens: expected inputTokens + outputTokens = 0.30000000000000004, received 0.3',
      },
    ]);
  });

  test('mutates nothing: a deep-frozen usage object goes through', () => {
    // consistent is deep-frozen (test/fixtures/samples.ts): a write would throw.
    expect(checkImageUsage({ ...consistent, totalTokens: 1 })).toHaveLength(1);
    expect(Object.isFrozen(consistent.inputTokensDetails)).toBe(true);
  });

  test('reports parts that add up past the largest double, whatever the tolerance', () => {
    const huge = { totalTokens: 1e308, inputTokens: 1e308, outputTokens: 1e308, inputTokensDetails: { textTokens: 1e308, imageTokens: 0 } };
    expect(checkImageUsage(huge)).toStrictEqual([
      {
        rule: 'total',
        expected: Number.POSITIVE_INFINITY,
        received: 1e308,
        message: 'totalTokens: expected inputTokens + outputTokens = Infinity, received 1e+308',
      },
    ]);
    expect(checkImageUsage(huge, { tolerance: 0 }).map(({ rule }) => rule)).toStrictEqual(['total']);
  });
});
