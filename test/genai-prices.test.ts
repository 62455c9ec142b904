import { calcPrice, extractUsage, findProvider } from '@pydantic/genai-prices';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { estimateCost, GeminiUsageMetadataSchema, type ImageUsage, imagePricesFromGenaiPrices, StrictGeminiUsageMetadataSchema } from '../src/index.ts';
import { geminiPayloads, sharedGeminiPayloads } from './fixtures/index.ts';

// image-usage against @pydantic/genai-prices itself (a devDependency, used
// offline from its bundled data): its catalog through imagePricesFromGenaiPrices
// into estimateCost, and its extraction of Gemini's usageMetadata.

const MODELS = [
  ['openai', 'gpt-image-1'],
  ['openai', 'gpt-image-1-mini'],
  ['openai', 'gpt-image-1.5'],
  ['openai', 'gpt-image-2'],
  ['google', 'gemini-2.5-flash-image'],
  ['google', 'gemini-3-pro-image-preview'],
] as const;

/** The model price of the catalog (no usage needed to find it). */
function modelPrice(providerId: string, model: string) {
  const result = calcPrice({}, model, { providerId });
  if (result === null) throw new Error(`genai-prices has no price for ${providerId}/${model}`);
  return result.model_price;
}

/** What genai-prices charges for an ImageUsage with output details: its usage keys, from ours. */
function theirPrice(providerId: string, model: string, usage: ImageUsage): number {
  return calcPrice(
    {
      input_tokens: usage.inputTokens,
      input_image_tokens: usage.inputTokensDetails.imageTokens,
      output_tokens: usage.outputTokens,
      output_image_tokens: usage.outputTokensDetails!.imageTokens,
    },
    model,
    { providerId },
  )!.total_price;
}

/** The exact cost, as a decimal: integers times prices (read at their decimals), over a million. */
function exactCost(usage: ImageUsage, prices: ReturnType<typeof imagePricesFromGenaiPrices>): number {
  const terms: [number, number][] = [
    [usage.inputTokensDetails.textTokens, prices.inputText],
    [usage.inputTokensDetails.imageTokens, prices.inputImage],
    [usage.outputTokensDetails!.textTokens, prices.outputText!],
    [usage.outputTokensDetails!.imageTokens, prices.outputImage],
  ];
  // Prices in the catalog have at most four decimals.
  const sum = terms.reduce((total, [count, price]) => total + BigInt(count) * BigInt(Math.round(price * 1e4)), 0n);
  return Number(`${sum}e-10`);
}

/** A consistent usage object with output details, of the sizes image models report. */
const detailedUsage: fc.Arbitrary<ImageUsage> = fc
  .tuple(fc.nat(20_000), fc.nat(20_000), fc.nat(5_000), fc.nat(20_000))
  .map(([inputText, inputImage, outputText, outputImage]) => ({
    totalTokens: inputText + inputImage + outputText + outputImage,
    inputTokens: inputText + inputImage,
    outputTokens: outputText + outputImage,
    inputTokensDetails: { textTokens: inputText, imageTokens: inputImage },
    outputTokensDetails: { textTokens: outputText, imageTokens: outputImage },
  }));

describe('prices from the genai-prices catalog', () => {
  test.each(MODELS)('%s/%s: the catalog price, as ImagePrices', (providerId, model) => {
    const price = modelPrice(providerId, model);
    const prices = imagePricesFromGenaiPrices(price);
    expect(prices.inputText).toBe(price['input_mtok']);
    expect(prices.outputText).toBe(price['output_mtok']);
    // Where a model has no image price of its own, its text price is the image price.
    expect(prices.inputImage).toBe(price['input_image_mtok'] ?? price['input_mtok']);
    expect(prices.outputImage).toBe(price['output_image_mtok'] ?? price['output_mtok']);
  });

  test.each(MODELS)('%s/%s: on 10,000 usages with output details, estimateCost is their total within 1e-9, and exact where theirs is not', (providerId, model) => {
    const prices = imagePricesFromGenaiPrices(modelPrice(providerId, model));
    let inexact = 0;
    fc.assert(
      fc.property(detailedUsage, (usage) => {
        const ours = estimateCost(usage, prices);
        const theirs = theirPrice(providerId, model, usage);
        expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-9 * Math.max(ours, theirs));
        const exact = exactCost(usage, prices);
        expect(ours).toBe(exact);
        if (theirs !== exact) inexact++;
      }),
      { numRuns: 10_000 },
    );
    // Floating point leaves theirs off the exact cost in many of them.
    expect(inexact).toBeGreaterThan(100);
  });

  test('without output details the two differ on purpose: image-usage prices undetailed output as image, genai-prices as text', () => {
    const usage: ImageUsage = { totalTokens: 1066, inputTokens: 10, outputTokens: 1056, inputTokensDetails: { textTokens: 10, imageTokens: 0 } };
    const prices = imagePricesFromGenaiPrices(modelPrice('openai', 'gpt-image-1.5'));
    expect(estimateCost(usage, prices)).toBe(0.033842);
    expect(calcPrice({ input_tokens: 10, output_tokens: 1056 }, 'gpt-image-1.5', { providerId: 'openai' })!.total_price).toBeCloseTo(0.01061, 12);
  });

  test('refuses a tiered price from the catalog, not a guess (a missing one: its unit test)', () => {
    const tiered = calcPrice({ input_tokens: 1 }, 'gemini-2.5-pro', { providerId: 'google' })!.model_price;
    expect(() => imagePricesFromGenaiPrices(tiered)).toThrow(
      new TypeError('imagePricesFromGenaiPrices: input_mtok: expected a flat price per million tokens, received a tiered one: pick the price of your tier and pass ImagePrices to estimateCost yourself'),
    );
  });
});

/** The models of the issue "The exact bill", whose cached tokens are priced against genai-prices. */
const CACHE_MODELS = [
  ['openai', 'gpt-image-1.5'],
  ['openai', 'gpt-image-2'],
  ['openai', 'gpt-image-1-mini'],
  ['google', 'gemini-2.5-flash-image'],
  ['google', 'gemini-3-pro-image-preview'],
] as const;

/** A consistent usage with output details and cached tokens of both kinds, with or without their details. */
const cachedUsage: fc.Arbitrary<ImageUsage> = fc
  .tuple(detailedUsage, fc.nat(20_000), fc.nat(20_000), fc.boolean())
  .map(([usage, textSeed, imageSeed, withDetails]) => {
    const { textTokens, imageTokens } = usage.inputTokensDetails;
    const cachedText = textSeed % (textTokens + 1);
    const cachedImage = imageSeed % (imageTokens + 1);
    const cached: ImageUsage = { ...usage, cachedTokens: cachedText + cachedImage };
    // Without details the split is known only for an input of one kind: an input of both kinds gets them.
    if (withDetails || (textTokens > 0 && imageTokens > 0)) cached.cachedTokensDetails = { cachedTextTokens: cachedText, cachedImageTokens: cachedImage };
    return cached;
  });

/** The exact cost from the catalog's own keys, as a rational in ten-thousandths of a millionth: fresh and cached input apart. */
function exactCachedCost(usage: ImageUsage, price: Record<string, unknown>): number {
  const key = (...names: string[]): bigint => {
    const found = names.map((name) => price[name]).find((value) => value !== undefined) as number;
    return BigInt(Math.round(found * 1e4));
  };
  const { textTokens, imageTokens } = usage.inputTokensDetails;
  const cached = usage.cachedTokens ?? 0;
  const cachedImage = usage.cachedTokensDetails?.cachedImageTokens ?? (textTokens === 0 ? cached : 0);
  const cachedText = cached - cachedImage;
  const sum =
    BigInt(textTokens - cachedText) * key('input_mtok') +
    BigInt(cachedText) * key('cache_text_read_mtok', 'cache_read_mtok', 'input_mtok') +
    BigInt(imageTokens - cachedImage) * key('input_image_mtok', 'input_mtok') +
    BigInt(cachedImage) * key('cache_image_read_mtok', ...(price['input_image_mtok'] === undefined ? ['cache_read_mtok'] : []), 'input_image_mtok', 'input_mtok') +
    BigInt(usage.outputTokensDetails!.textTokens) * key('output_mtok') +
    BigInt(usage.outputTokensDetails!.imageTokens) * key('output_image_mtok', 'output_mtok');
  return Number(`${sum}e-10`);
}

describe('cached tokens, priced against genai-prices', () => {
  test.each(CACHE_MODELS)('%s/%s: on 10,000 usages with cached tokens, estimateCost is calcPrice within 1e-9 and the exact cost to the last bit', (providerId, model) => {
    const price = modelPrice(providerId, model) as Record<string, unknown>;
    const prices = imagePricesFromGenaiPrices(price);
    let cachedSome = 0;
    fc.assert(
      fc.property(cachedUsage, (usage) => {
        const ours = estimateCost(usage, prices);
        const cachedImage = usage.cachedTokensDetails?.cachedImageTokens ?? (usage.inputTokensDetails.textTokens === 0 ? usage.cachedTokens! : 0);
        const theirs = calcPrice(
          {
            input_tokens: usage.inputTokens,
            input_image_tokens: usage.inputTokensDetails.imageTokens,
            cache_read_tokens: usage.cachedTokens!,
            cache_image_read_tokens: cachedImage,
            output_tokens: usage.outputTokens,
            output_image_tokens: usage.outputTokensDetails!.imageTokens,
          },
          model,
          { providerId },
        )!.total_price;
        expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-9 * Math.max(ours, theirs));
        expect(ours).toBe(exactCachedCost(usage, price));
        if (usage.cachedTokens! > 0) cachedSome++;
      }),
      { numRuns: 10_000 },
    );
    expect(cachedSome).toBeGreaterThan(9_000);
  });

  test('the cached prices of the catalog, as ImagePrices: a quarter of the fresh price or less for the OpenAI models, none for Gemini', () => {
    expect(imagePricesFromGenaiPrices(modelPrice('openai', 'gpt-image-1.5'))).toStrictEqual({
      inputText: 5,
      inputImage: 8,
      outputText: 10,
      outputImage: 32,
      cachedInputText: 1.25,
      cachedInputImage: 2,
    });
    for (const [providerId, model] of CACHE_MODELS) {
      const prices = imagePricesFromGenaiPrices(modelPrice(providerId, model));
      if (providerId === 'google') expect([model, prices.cachedInputText, prices.cachedInputImage]).toStrictEqual([model, undefined, undefined]);
      else expect([model, prices.cachedInputText! <= prices.inputText / 4, prices.cachedInputImage! <= prices.inputImage / 4]).toStrictEqual([model, true, true]);
    }
  });
});

/**
 * Checks that our usage has the input, output, image and cached tokens
 * genai-prices' extractUsage reads: its absent keys are 0, and so is all of
 * it where it found no count it reads (`undefined`).
 */
function expectSameTokens(ours: ImageUsage, read: Record<string, number | undefined> | undefined): void {
  const theirs = read ?? {};
  expect({
    input: ours.inputTokens,
    inputImage: ours.inputTokensDetails.imageTokens,
    output: ours.outputTokens,
    outputImage: ours.outputTokensDetails!.imageTokens,
    cached: ours.cachedTokens ?? 0,
    cachedImage: ours.cachedTokensDetails?.cachedImageTokens ?? 0,
  }).toStrictEqual({
    input: theirs['input_tokens'] ?? 0,
    inputImage: theirs['input_image_tokens'] ?? 0,
    output: theirs['output_tokens'] ?? 0,
    outputImage: theirs['output_image_tokens'] ?? 0,
    cached: theirs['cache_read_tokens'] ?? 0,
    cachedImage: theirs['cache_image_read_tokens'] ?? 0,
  });
}

describe("Gemini's usageMetadata, as genai-prices reads it", () => {
  const google = findProvider({ providerId: 'google' })!;
  /** What genai-prices reads: nothing at all (`undefined`) from an object without one count, for which it throws. */
  const extract = (usageMetadata: Record<string, unknown>): Record<string, number | undefined> | undefined => {
    try {
      return extractUsage(google, { usageMetadata }).usage;
    } catch (error) {
      expect((error as Error).message).toBe('No usage information found at "usageMetadata"');
      return undefined;
    }
  };
  const readable = geminiPayloads.filter(({ usageMetadata }) => v.is(GeminiUsageMetadataSchema, usageMetadata));

  test('the shared payloads say what genai-prices reads from them, and it still does', () => {
    for (const { usageMetadata, genaiPricesExtracted } of sharedGeminiPayloads) {
      expect(extractUsage(google, { usageMetadata }).usage).toStrictEqual(genaiPricesExtracted);
    }
  });

  test.each(readable.map((payload) => [payload.name, payload] as const))('%s: the same input, output and image tokens', (_, { usageMetadata }) => {
    expectSameTokens(v.parse(GeminiUsageMetadataSchema, usageMetadata), extract(usageMetadata));
  });

  test('for any usageMetadata without audio or video, the same input, output, image and cached tokens: DOCUMENT entries are image tokens on every side', () => {
    // Each modality once per array, as Gemini writes them (extractUsage reads only the first entry of a modality).
    const entries = fc.uniqueArray(
      fc.record({ modality: fc.constantFrom('TEXT', 'IMAGE', 'DOCUMENT', 'MODALITY_UNSPECIFIED'), tokenCount: fc.nat(5000) }, { requiredKeys: ['modality'] }),
      { selector: (entry) => entry.modality, maxLength: 4 },
    );
    /** A count and the array that itemises part of it (the count at least the sum of its entries), either absent. */
    const itemised = fc.tuple(entries, fc.nat(300), fc.boolean(), fc.boolean()).map(([list, rest, withCount, withList]) => {
      const count = list.reduce((sum, { tokenCount = 0 }) => sum + tokenCount, rest);
      return { count: withCount || count > 0 ? count : undefined, list: withList ? list : undefined };
    });
    let documents = 0;
    fc.assert(
      fc.property(itemised, itemised, itemised, fc.option(fc.nat(2000), { nil: undefined }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), (prompt, toolUse, candidates, thoughts, share) => {
        // The cached part of the prompt, each itemised kind a share of the prompt's (none when share is absent).
        const cache = share === undefined ? undefined : (prompt.list ?? []).map(({ modality, tokenCount = 0 }) => ({ modality, tokenCount: Math.floor(tokenCount * share) }));
        const usageMetadata = JSON.parse(
          JSON.stringify({
            promptTokenCount: prompt.count,
            promptTokensDetails: prompt.list,
            cachedContentTokenCount: cache?.reduce((sum, { tokenCount }) => sum + tokenCount, 0),
            cacheTokensDetails: cache,
            toolUsePromptTokenCount: toolUse.count,
            toolUsePromptTokensDetails: toolUse.list,
            candidatesTokenCount: candidates.count,
            candidatesTokensDetails: candidates.list,
            thoughtsTokenCount: thoughts,
            totalTokenCount: (prompt.count ?? 0) + (toolUse.count ?? 0) + (candidates.count ?? 0) + (thoughts ?? 0),
          }),
        ) as Record<string, unknown>;
        expectSameTokens(v.parse(StrictGeminiUsageMetadataSchema, usageMetadata), extract(usageMetadata));
        if ([toolUse, candidates].some(({ list }) => list?.some(({ modality, tokenCount }) => modality === 'DOCUMENT' && (tokenCount ?? 0) > 0))) documents++;
      }),
      { numRuns: 3000 },
    );
    // DOCUMENT tokens of the candidates or the tool-use prompt were tried.
    expect(documents).toBeGreaterThan(500);
  });

  test('the payloads refused are those with audio or video tokens, and those in which genai-prices finds no usage at all', () => {
    let none = 0;
    for (const { name, usageMetadata } of geminiPayloads) {
      const usage = extract(usageMetadata);
      if (usage === undefined) none++;
      const audioOrVideo = Object.entries(usage ?? {}).some(([key, count]) => /audio|video/.test(key) && (count ?? 0) > 0);
      expect([name, v.is(GeminiUsageMetadataSchema, usageMetadata)]).toStrictEqual([name, usage !== undefined && !audioOrVideo]);
    }
    // Vertex AI's answer to a prompt that Model Armor blocked: no count at all, which is not a usage of zeros.
    expect(none).toBe(1);
  });
});
