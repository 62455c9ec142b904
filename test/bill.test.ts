import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addCosts, estimateCost, exactCost, type ImagePrices, type ImageUsage, parseImageUsage, sumImageUsage } from '../src/index.ts';
import { consistentIntegerUsage } from './arbitraries/index.ts';
import { payloads } from './fixtures/index.ts';
import { thrownBy } from './invariants.ts';

// The bill: a sum prices like its parts, whatever the mix of output details
// and cached fields, and costs add exactly.

/** A price per million tokens as catalogs write them: whole, or with a few decimals. */
const price = fc.oneof(fc.nat(200), fc.integer({ min: 0, max: 2_000_000 }).map((cents) => cents / 10_000));

/** Prices with every optional price present or not. */
const imagePrices: fc.Arbitrary<ImagePrices> = fc.record(
  { inputText: price, inputImage: price, outputImage: price, outputText: price, cachedInputText: price, cachedInputImage: price },
  { requiredKeys: ['inputText', 'inputImage', 'outputImage'] },
);

/** What pricing a usage comes to: its exact cost, or the class of what it throws. */
function priced(run: () => string): string {
  const error = thrownBy(run);
  return error === undefined ? run() : `throws ${(error as Error).name}`;
}

describe('a sum prices like its parts', () => {
  test('for any list of consistent usages (mixed output details, mixed cache fields) and any prices: the exact sum of the exact costs', () => {
    fc.assert(
      fc.property(fc.array(consistentIntegerUsage, { maxLength: 30 }), imagePrices, (usages, prices) => {
        const costs = usages.map((usage) => priced(() => exactCost(usage, prices)));
        const sum = sumImageUsage(usages);
        if (costs.some((cost) => cost.startsWith('throws'))) {
          // A part whose cached tokens cannot be priced without a guess: so is the sum.
          expect(priced(() => exactCost(sum, prices))).toBe('throws RangeError');
          return;
        }
        const total = addCosts(costs);
        expect(exactCost(sum, prices)).toBe(total);
        // The double nearest the exact sum of the exact costs.
        expect(estimateCost(sum, prices)).toBe(Number(total));
      }),
      { numRuns: 3000 },
    );
  });

  test('the check can fail: the old sum, which dropped mixed output details, priced a mixed list as all image output', () => {
    const undetailed: ImageUsage = { totalTokens: 1100, inputTokens: 100, outputTokens: 1000, inputTokensDetails: { textTokens: 100, imageTokens: 0 } };
    const detailed: ImageUsage = { ...undetailed, outputTokensDetails: { textTokens: 400, imageTokens: 600 } };
    const prices = { inputText: 5, inputImage: 8, outputText: 10, outputImage: 32 };
    const { outputTokensDetails: _, ...dropped } = sumImageUsage([detailed, undetailed]);
    const lineByLine = addCosts([detailed, undetailed].map((usage) => exactCost(usage, prices)));
    expect(lineByLine).toBe('0.0562');
    expect(exactCost(dropped, prices)).toBe('0.065');
    expect(exactCost(sumImageUsage([detailed, undetailed]), prices)).toBe(lineByLine);
  });

  test("the newcomer's case: the real usages of the fixtures, priced line by line and as one sum, give the same figure", () => {
    const usages = payloads
      .filter(({ shape, consistent, value }) => shape === 'valid' && consistent === true && Number.isSafeInteger((value as { total_tokens?: number }).total_tokens ?? (value as { totalTokens?: number }).totalTokens))
      .flatMap(({ value }) => {
        const usage = parseImageUsage(value);
        return Object.values(usage).every((count) => typeof count !== 'number' || Number.isSafeInteger(count)) ? [usage] : [];
      });
    expect(usages.length).toBeGreaterThanOrEqual(5);
    expect(usages.some((usage) => usage.outputTokensDetails === undefined) && usages.some((usage) => usage.outputTokensDetails !== undefined)).toBe(true);
    // gpt-image-1.5's catalog prices.
    const prices = { inputText: 5, inputImage: 8, outputText: 10, outputImage: 32, cachedInputText: 1.25, cachedInputImage: 2 };
    const lineByLine = addCosts(usages.map((usage) => exactCost(usage, prices)));
    expect(exactCost(sumImageUsage(usages), prices)).toBe(lineByLine);
    expect(estimateCost(sumImageUsage(usages), prices)).toBe(Number(lineByLine));
  });
});

describe('cached tokens, priced', () => {
  const prices: ImagePrices = { inputText: 5, inputImage: 8, outputText: 10, outputImage: 32, cachedInputText: 1.25, cachedInputImage: 2 };
  const usage: ImageUsage = {
    totalTokens: 1000,
    inputTokens: 1000,
    outputTokens: 0,
    inputTokensDetails: { textTokens: 400, imageTokens: 600 },
    cachedTokens: 400,
    cachedTokensDetails: { cachedTextTokens: 100, cachedImageTokens: 300 },
  };

  test("at the cached prices, as genai-prices' calcPrice does for gpt-image-1.5 (0.004625 against 0.0068 uncached)", () => {
    // 300 × 5 + 100 × 1.25 + 300 × 8 + 300 × 2 = 4625 millionths
    expect(estimateCost(usage, prices)).toBe(0.004625);
    expect(exactCost(usage, prices)).toBe('0.004625');
    const { cachedTokens: _, cachedTokensDetails: __, ...uncached } = usage;
    expect(estimateCost(uncached, prices)).toBe(0.0068);
  });

  test('at the fresh prices where no cached price is given', () => {
    const { cachedInputText: _, cachedInputImage: __, ...fresh } = prices;
    expect(estimateCost(usage, fresh)).toBe(0.0068);
    expect(estimateCost(usage, { ...fresh, cachedInputText: undefined, cachedInputImage: undefined })).toBe(0.0068);
    // One of the two given: the other kind stays at its fresh price. 300 × 5 + 100 × 1.25 + 600 × 8 = 6425
    expect(estimateCost(usage, { ...fresh, cachedInputText: 1.25 })).toBe(0.006425);
  });

  test('without details, all of the one kind an input has', () => {
    const text: ImageUsage = { totalTokens: 400, inputTokens: 400, outputTokens: 0, inputTokensDetails: { textTokens: 400, imageTokens: 0 }, cachedTokens: 100 };
    // 300 × 5 + 100 × 1.25
    expect(exactCost(text, prices)).toBe('0.001625');
    const image: ImageUsage = { ...text, inputTokensDetails: { textTokens: 0, imageTokens: 400 } };
    // 300 × 8 + 100 × 2
    expect(exactCost(image, prices)).toBe('0.0026');
  });

  test('without details on an input of both kinds: an error naming what is missing, unless the split cannot change the price', () => {
    const { cachedTokensDetails: _, ...undetailed } = usage;
    expect(() => estimateCost(undetailed, prices)).toThrow(
      new RangeError(
        'estimateCost: usage.cachedTokens cannot be priced without a guess: the input has text and image tokens, no cachedTokensDetails says which were cached, and the cache discounts of text and image differ',
      ),
    );
    expect(() => exactCost(undetailed, prices)).toThrow(/^exactCost: usage\.cachedTokens cannot be priced without a guess/);
    // No cache prices (Gemini's image models): cached tokens cost the fresh price, whichever they are.
    const { cachedInputText: __, cachedInputImage: ___, ...fresh } = prices;
    expect(estimateCost(undetailed, fresh)).toBe(0.0068);
    // The same discount for both kinds: 1000 fresh at their prices, less 400 × 1.
    expect(estimateCost(undetailed, { ...fresh, cachedInputText: 4, cachedInputImage: 7 })).toBe(0.0064);
    // More cached tokens than text tokens: every one of them still gets its discount (100 × 5 + 900 × 8 − 500 × 1).
    const mostlyImages: ImageUsage = { totalTokens: 1000, inputTokens: 1000, outputTokens: 0, inputTokensDetails: { textTokens: 100, imageTokens: 900 }, cachedTokens: 500 };
    expect(exactCost(mostlyImages, { ...fresh, cachedInputText: 4, cachedInputImage: 7 })).toBe('0.0072');
  });

  test('no cached tokens, or zero, cost what they did before', () => {
    fc.assert(
      fc.property(consistentIntegerUsage, imagePrices, (sample, anyPrices) => {
        const { cachedTokens: _, cachedTokensDetails: __, ...plain } = sample;
        expect(exactCost({ ...plain, cachedTokens: 0 }, anyPrices)).toBe(exactCost(plain, anyPrices));
      }),
      { numRuns: 500 },
    );
  });

  test('each price is read once, and a bad cached price is named', () => {
    const reads: PropertyKey[] = [];
    const logged = new Proxy(prices, { get: (target, key, receiver) => (reads.push(key), Reflect.get(target, key, receiver)) });
    estimateCost(usage, logged);
    expect([...reads].sort()).toStrictEqual(['cachedInputImage', 'cachedInputText', 'inputImage', 'inputText', 'outputImage', 'outputText']);
    expect(() => estimateCost(usage, { ...prices, cachedInputImage: -1 })).toThrow(new RangeError('estimateCost: prices.cachedInputImage: expected >=0, received -1'));
    expect(() => estimateCost(usage, { ...prices, cachedInputText: '1' as never })).toThrow(new TypeError('estimateCost: prices.cachedInputText: expected number, received "1"'));
  });
});

describe('exactCost and addCosts', () => {
  test('exactCost is the decimal estimateCost rounds', () => {
    fc.assert(
      fc.property(consistentIntegerUsage, imagePrices, (usage, prices) => {
        const exact = priced(() => exactCost(usage, prices));
        if (exact.startsWith('throws')) expect(priced(() => String(estimateCost(usage, prices)))).toBe(exact);
        else {
          expect(exact).toMatch(/^\d+(\.\d*[1-9])?$/);
          expect(estimateCost(usage, prices)).toBe(Number(exact));
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('addCosts adds decimals exactly, in any order, where numbers drift', () => {
    expect(addCosts(['0.1', '0.2'])).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addCosts([])).toBe('0');
    expect(addCosts(['12', '0.50', '-1.5'])).toBe('11');
    expect(addCosts(new Set(['0.000001', '0.0000004']))).toBe('0.0000014');
    const decimal = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.nat(12)).map(([digits, scale]) => ({ digits, scale }));
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 40 }), (decimals) => {
        const texts = decimals.map(({ digits, scale }) => {
          const padded = String(digits).padStart(scale + 1, '0');
          return scale === 0 ? padded : `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
        });
        // The reference: every decimal at 12 places, added as integers.
        const total = decimals.reduce((sum, { digits, scale }) => sum + digits * 10n ** BigInt(12 - scale), 0n);
        const sum = addCosts(texts);
        const [whole, fraction = ''] = sum.split('.');
        expect(BigInt(whole! + fraction.padEnd(12, '0'))).toBe(total);
        expect(addCosts([...texts].reverse())).toBe(sum);
      }),
    );
  });

  test('addCosts refuses a string for the list, which it would add up digit by digit', () => {
    expect(() => addCosts('12' as never)).toThrow(new TypeError('addCosts: costs: expected an iterable of decimal strings, received the string "12": pass [cost]'));
    expect(addCosts(['12'])).toBe('12');
    // A long decimal's trailing zeros go at once (the sum is exact whatever its length).
    expect(addCosts([`1.${'0'.repeat(80_000)}`, '0.5'])).toBe('1.5');
  });

  test('addCosts refuses what is not a decimal string, naming its index, and a number as rounded already', () => {
    expect(() => addCosts(['0.1', 0.2 as never])).toThrow(
      new TypeError('addCosts: cost 1: expected a decimal string such as "0.004625", received 0.2 (a number is rounded already: add the strings of exactCost)'),
    );
    for (const bad of ['', '1e-7', '.5', '1.', ' 1', 'NaN', '0x10', null, undefined, 5n, {}]) {
      expect(() => addCosts([bad as never])).toThrow(/^addCosts: cost 0: expected a decimal string such as "0\.004625", received /);
    }
  });
});
