import { describe, expect, test } from 'vitest';
import type { ImageUsage } from '../types/index.ts';
import { sumImageUsage } from './sumImageUsage.ts';
import { sdkUsage as a, sdkUsageWithoutOutputDetails as b } from '../../test/fixtures/samples.ts';
import { _usageKeys, _WIRE } from '../_shape.ts';
import { toWire } from '../toWire/toWire.ts';


describe('sumImageUsage', () => {
  test('adds field by field', () => {
    expect(sumImageUsage([a, a])).toStrictEqual({
      totalTokens: 9536,
      inputTokens: 338,
      outputTokens: 9198,
      inputTokensDetails: { textTokens: 338, imageTokens: 0 },
      outputTokensDetails: { textTokens: 878, imageTokens: 8320 },
    });
  });

  test('keeps outputTokensDetails when any element has it, counting output without details as image output', () => {
    // b: 4160 output tokens, no details; a: 439 text + 4160 image.
    const expected = {
      totalTokens: 8980,
      inputTokens: 221,
      outputTokens: 8759,
      inputTokensDetails: { textTokens: 221, imageTokens: 0 },
      outputTokensDetails: { textTokens: 439, imageTokens: 8320 },
    };
    expect(sumImageUsage([a, b])).toStrictEqual(expected);
    expect(sumImageUsage([b, a])).toStrictEqual(expected);
    expect(sumImageUsage([b, b])).not.toHaveProperty('outputTokensDetails');
  });

  test('keeps the cached tokens, and their split where each element has a known one', () => {
    const text = { ...b, cachedTokens: 50 };
    const mixed = { ...a, inputTokens: 169, inputTokensDetails: { textTokens: 69, imageTokens: 100 }, cachedTokens: 80, cachedTokensDetails: { cachedTextTokens: 60, cachedImageTokens: 20 } };
    // b's input is all text: its cached tokens are text.
    expect(sumImageUsage([text, mixed])).toMatchObject({ cachedTokens: 130, cachedTokensDetails: { cachedTextTokens: 110, cachedImageTokens: 20 } });
    expect(sumImageUsage([a, text])).toMatchObject({ cachedTokens: 50, cachedTokensDetails: { cachedTextTokens: 50, cachedImageTokens: 0 } });
    expect(sumImageUsage([a, b])).not.toHaveProperty('cachedTokens');
    // An input of both kinds with cached tokens and no details: the split of the sum is not known either.
    const { cachedTokensDetails: _, ...unknown } = mixed;
    const sum = sumImageUsage([text, unknown]);
    expect(sum.cachedTokens).toBe(130);
    expect(sum).not.toHaveProperty('cachedTokensDetails');
  });

  test('gives zeros and no optional keys for no usages, so an empty shard is neutral', () => {
    const zero = {
      totalTokens: 0,
      inputTokens: 0,
      outputTokens: 0,
      inputTokensDetails: { textTokens: 0, imageTokens: 0 },
    };
    expect(sumImageUsage([])).toStrictEqual(zero);
    for (const usage of [a, b]) expect(sumImageUsage([sumImageUsage([]), sumImageUsage([usage])])).toStrictEqual(sumImageUsage([usage]));
  });

  test('says which element is in the wire form, and names parseImageUsage: the whole form, or any one wire key', () => {
    const wire = toWire(a) as never;
    expect(() => sumImageUsage([wire])).toThrow(new TypeError('sumImageUsage: element 0 is in the wire form (snake_case keys such as total_tokens): parse it into the SDK form with parseImageUsage first'));
    expect(() => sumImageUsage([a, b, wire])).toThrow(new TypeError('sumImageUsage: element 2 is in the wire form (snake_case keys such as total_tokens): parse it into the SDK form with parseImageUsage first'));
    for (const key of _usageKeys(_WIRE)) expect(() => sumImageUsage([a, { [key]: 0 } as never])).toThrow(new TypeError('sumImageUsage: element 1 is in the wire form (snake_case keys such as total_tokens): parse it into the SDK form with parseImageUsage first'));
  });

  test('takes any iterable, generators included', () => {
    function* usages(): Generator<ImageUsage> {
      yield a;
      yield a;
    }
    expect(sumImageUsage(usages())).toStrictEqual(sumImageUsage([a, a]));
    expect(sumImageUsage(new Set([a, b]))).toStrictEqual(sumImageUsage([a, b]));
  });

  test('adds integers exactly up to Number.MAX_SAFE_INTEGER', () => {
    const half = (Number.MAX_SAFE_INTEGER - 1) / 2;
    const big = { totalTokens: half, inputTokens: half, outputTokens: 0, inputTokensDetails: { textTokens: half, imageTokens: 0 } };
    expect(sumImageUsage([big, big, { ...big, totalTokens: 1, inputTokens: 1, inputTokensDetails: { textTokens: 1, imageTokens: 0 } }]).totalTokens).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  test('throws a RangeError rather than a total past Number.MAX_SAFE_INTEGER', () => {
    const big = { ...b, totalTokens: Number.MAX_SAFE_INTEGER };
    expect(() => sumImageUsage([big, { ...b, totalTokens: 1 }])).toThrow(RangeError);
    expect(() => sumImageUsage([{ ...b, totalTokens: 1e308 }, { ...b, totalTokens: 1e308 }])).toThrow(
      'sumImageUsage: totalTokens passes Number.MAX_SAFE_INTEGER (9007199254740991)',
    );
  });

  test('adds a million usages of 0.1 to 100000 within 1e-9', () => {
    const tenth = {
      totalTokens: 0.1,
      inputTokens: 0.1,
      outputTokens: 0.1,
      inputTokensDetails: { textTokens: 0.1, imageTokens: 0.1 },
    };
    function* many(): Generator<ImageUsage> {
      for (let index = 0; index < 1_000_000; index++) yield tenth;
    }
    const sum = sumImageUsage(many());
    expect(Math.abs(sum.totalTokens - 100_000)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(sum.inputTokensDetails.imageTokens - 100_000)).toBeLessThanOrEqual(1e-9);
    // A plain loop drifts: the compensation is what keeps it exact.
    let plain = 0;
    for (let index = 0; index < 1_000_000; index++) plain += 0.1;
    expect(Math.abs(plain - 100_000)).toBeGreaterThan(1e-9);
  });

  test('throws a TypeError naming the index and field of a malformed element', () => {
    expect(() => sumImageUsage([a, b, { ...b, inputTokens: Number.NaN }])).toThrow(
      new TypeError('sumImageUsage: element 2 is not an ImageUsage: inputTokens: expected number, received NaN'),
    );
    expect(() => sumImageUsage([a, null as unknown as ImageUsage])).toThrow('sumImageUsage: element 1 is not an ImageUsage');
  });

  test('mutates nothing and returns a fresh object', () => {
    const before = structuredClone(a);
    const sum = sumImageUsage([a]);
    expect(sum).toStrictEqual(a);
    expect(sum).not.toBe(a);
    expect(a).toStrictEqual(before);
  });
});
