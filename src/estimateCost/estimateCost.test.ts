import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ImageUsage } from '../types/index.ts';
import { consistentIntegerUsage } from '../../test/arbitraries/index.ts';
import { estimateCost, type ImagePrices } from './estimateCost.ts';

// Example prices per million tokens for the tests, not anyone's current prices.
const prices: ImagePrices = { inputText: 5, inputImage: 10, outputImage: 40 };
const withText: ImagePrices = { inputText: 5, inputImage: 8, outputImage: 32, outputText: 10 };

const noDetails: ImageUsage = {
  totalTokens: 4768,
  inputTokens: 169,
  outputTokens: 4599,
  inputTokensDetails: { textTokens: 169, imageTokens: 0 },
};
const details: ImageUsage = { ...noDetails, outputTokensDetails: { textTokens: 439, imageTokens: 4160 } };
const edit: ImageUsage = {
  totalTokens: 5019,
  inputTokens: 859,
  outputTokens: 4160,
  inputTokensDetails: { textTokens: 36, imageTokens: 823 },
};

/** A consistent usage object of input text tokens only. */
function textOnly(tokens: number): ImageUsage {
  return {
    totalTokens: tokens,
    inputTokens: tokens,
    outputTokens: 0,
    inputTokensDetails: { textTokens: tokens, imageTokens: 0 },
  };
}

describe('estimateCost', () => {
  test('prices input by text and image, and output without details as image output', () => {
    // 169 × 5 + 4599 × 40 = 184805 millionths
    expect(estimateCost(noDetails, prices)).toBe(0.184805);
    // 36 × 5 + 823 × 10 + 4160 × 40 = 174810 millionths
    expect(estimateCost(edit, prices)).toBe(0.17481);
  });

  test('is exact where naive floating point is not', () => {
    expect(169 * (5 / 1e6) + 4599 * (40 / 1e6)).not.toBe(0.184805);
    expect(String(estimateCost(noDetails, prices))).toBe('0.184805');
  });

  test('prices text and image output apart when the details and the text price are both there', () => {
    // 169 × 5 + 439 × 10 + 4160 × 32 = 138355 millionths
    expect(estimateCost(details, withText)).toBe(0.138355);
  });

  test('without an outputText price, every output token counts as image output, details or not', () => {
    const { outputText: _, ...noTextPrice } = withText;
    // 169 × 5 + 4599 × 32 = 148013 millionths
    expect(estimateCost(details, noTextPrice)).toBe(0.148013);
    expect(estimateCost(noDetails, withText)).toBe(0.148013);
    expect(estimateCost(details, { ...noTextPrice, outputText: undefined })).toBe(0.148013);
  });

  test('gives the number nearest the exact cost, below a millionth too, never a sum of rounded products', () => {
    expect(estimateCost(textOnly(1), { ...prices, inputText: 0.5 })).toBe(5e-7);
    expect(estimateCost(textOnly(1), { ...prices, inputText: 0.499 })).toBe(4.99e-7);
    expect(estimateCost(textOnly(3), { ...prices, inputText: 0.5 })).toBe(1.5e-6);
    // The parts are added exactly, then turned into a number once.
    const two = { totalTokens: 2, inputTokens: 2, outputTokens: 0, inputTokensDetails: { textTokens: 1, imageTokens: 1 } };
    expect(estimateCost(two, { ...prices, inputText: 0.1, inputImage: 0.2 })).toBe(3e-7);
    expect(1 * (0.1 / 1e6) + 1 * (0.2 / 1e6)).not.toBe(3e-7);
  });

  test('takes prices and counts at the decimal they print as, exponents included', () => {
    expect(estimateCost(textOnly(1e7), { ...prices, inputText: 1e-7 })).toBe(0.000001);
    expect(estimateCost(textOnly(3), { ...prices, inputText: 0.1 })).toBe(3e-7);
    expect(estimateCost(textOnly(7), { ...prices, inputText: 0.1 })).toBe(7e-7);
    expect(estimateCost(textOnly(0.5), { ...prices, inputText: 3 })).toBe(1.5e-6);
    // 1e-606 is below the smallest number: the nearest is 0.
    expect(estimateCost(textOnly(1e-300), { ...prices, inputText: 1e-300 })).toBe(0);
    expect(estimateCost(textOnly(0), prices)).toBe(0);
  });

  test('matches an independent integer computation on generated counts and prices', () => {
    // Prices in ten-thousandths (k / 10000 per million tokens), counts up to 1e9 each part.
    const price = fc.nat(2_000_000);
    fc.assert(
      fc.property(
        consistentIntegerUsage,
        fc.tuple(price, price, price, fc.option(price, { nil: undefined })),
        (usage, [pText, pImage, pOutImage, pOutText]) => {
          const given: ImagePrices = {
            inputText: pText / 1e4,
            inputImage: pImage / 1e4,
            outputImage: pOutImage / 1e4,
            ...(pOutText === undefined ? {} : { outputText: pOutText / 1e4 }),
          };
          const { textTokens: inText, imageTokens: inImage } = usage.inputTokensDetails;
          const output = usage.outputTokensDetails;
          const tenThousandthsOfMillionths =
            BigInt(inText) * BigInt(pText) +
            BigInt(inImage) * BigInt(pImage) +
            (output !== undefined && pOutText !== undefined
              ? BigInt(output.textTokens) * BigInt(pOutText) + BigInt(output.imageTokens) * BigInt(pOutImage)
              : BigInt(usage.outputTokens) * BigInt(pOutImage));
          // The exact cost in ten-thousandths of millionths, read as a decimal: the number nearest it.
          expect(estimateCost(usage, given)).toBe(Number(`${tenThousandthsOfMillionths}e-10`));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('keeps every millionth up to 2^33 currency units, and refuses more', () => {
    expect(String(estimateCost(textOnly(1e6), { ...prices, inputText: 8589934591.999999 }))).toBe('8589934591.999999');
    expect(() => estimateCost(textOnly(1e6), { ...prices, inputText: 2 ** 33 })).toThrow(
      new RangeError(
        'estimateCost: the cost reaches 2^33 (8589934592) currency units, past which a number cannot hold every millionth',
      ),
    );
  });

  test('rejects a usage object that is not one, naming the field', () => {
    expect(() => estimateCost({ ...noDetails, inputTokens: -1 }, prices)).toThrow(
      new TypeError('estimateCost: usage is not an ImageUsage: inputTokens: expected >=0, received -1'),
    );
    expect(() => estimateCost({ total_tokens: 1 } as unknown as ImageUsage, prices)).toThrow(
      new TypeError(
        'estimateCost: usage is in the wire form (snake_case keys such as total_tokens): parse it into the SDK form with parseImageUsage first',
      ),
    );
  });

  test('rejects usage that does not add up, whose cost would be ambiguous', () => {
    expect(() => estimateCost({ ...details, outputTokensDetails: { textTokens: 440, imageTokens: 4160 } }, withText)).toThrow(
      new RangeError(
        'estimateCost: usage does not add up, so its cost is ambiguous: outputTokens: expected outputTokensDetails.textTokens + outputTokensDetails.imageTokens = 4600, received 4599',
      ),
    );
    // Off by 1.7e-9 relative, in the subnormal range, where 1e-9 times the total rounds up to the whole difference.
    const total = 2.964393875e-315;
    const tiny = { totalTokens: total, inputTokens: total, outputTokens: 5e-324, inputTokensDetails: { textTokens: total, imageTokens: 0 } };
    expect(() => estimateCost(tiny, prices)).toThrow(
      new RangeError('estimateCost: usage does not add up, so its cost is ambiguous: totalTokens: expected inputTokens + outputTokens = 2.96439388e-315, received 2.964393875e-315'),
    );
  });

  test.each([
    [null, TypeError, 'prices: expected Object, received null'],
    [5, TypeError, 'prices: expected Object, received 5'],
    [{ inputImage: 10, outputImage: 40 }, TypeError, 'prices.inputText: expected number, received undefined'],
    [{ ...prices, inputImage: '10' }, TypeError, 'prices.inputImage: expected number, received "10"'],
    [{ ...prices, outputImage: -1 }, RangeError, 'prices.outputImage: expected >=0, received -1'],
    [{ ...prices, inputText: Number.NaN }, RangeError, 'prices.inputText: expected number, received NaN'],
    [{ ...prices, inputText: Number.POSITIVE_INFINITY }, RangeError, 'prices.inputText: expected a finite number, received Infinity'],
    [{ ...prices, outputText: null }, TypeError, 'prices.outputText: expected number, received null'],
  ])('rejects the prices %o', (given, type, message) => {
    expect(() => estimateCost(noDetails, given as unknown as ImagePrices)).toThrow(new type(`estimateCost: ${message}`));
  });

  test('mutates nothing', () => {
    const usage = structuredClone(details);
    const given = { ...withText };
    estimateCost(Object.freeze(usage), Object.freeze(given));
    expect(usage).toStrictEqual(details);
    expect(given).toStrictEqual(withText);
  });
});
