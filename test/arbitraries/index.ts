import fc from 'fast-check';
import type { ImageUsage, WireImageUsage } from '../../src/index.ts';

/** A count under the default rules: finite, `>= 0`, integers and fractions. */
export const count: fc.Arbitrary<number> = fc.oneof(
  fc.nat(),
  fc.maxSafeNat(),
  fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
);

/** A value that is not a count: negatives, NaN, infinities, strings, bigints, objects. */
export const notCount: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1', null, undefined, true, 1n),
  fc.string(),
  fc.object(),
);


/**
 * A valid SDK-form usage object with counts from `counts`, sums not
 * necessarily consistent; the optional keys present or not. Cached counts
 * stay within their input counts (of their kind), as a sum wants.
 */
export function usageOf(counts: fc.Arbitrary<number>): fc.Arbitrary<ImageUsage> {
  return fc
    .record(
      {
        totalTokens: counts,
        inputTokens: counts,
        outputTokens: counts,
        inputTokensDetails: fc.record({ textTokens: counts, imageTokens: counts }),
        outputTokensDetails: fc.record({ textTokens: counts, imageTokens: counts }),
        cachedTokens: counts,
        cachedTokensDetails: fc.record({ cachedTextTokens: counts, cachedImageTokens: counts }),
      },
      { requiredKeys: ['totalTokens', 'inputTokens', 'outputTokens', 'inputTokensDetails'] },
    )
    .map((usage) => {
      const { inputTokens, inputTokensDetails: input, cachedTokens, cachedTokensDetails: cached } = usage;
      if (cachedTokens !== undefined) usage.cachedTokens = Math.min(cachedTokens, inputTokens);
      if (cached !== undefined) {
        usage.cachedTokensDetails = { cachedTextTokens: Math.min(cached.cachedTextTokens, input.textTokens), cachedImageTokens: Math.min(cached.cachedImageTokens, input.imageTokens) };
      }
      return usage;
    });
}

/** A valid SDK-form usage object, sums not necessarily consistent. */
export const imageUsage: fc.Arbitrary<ImageUsage> = usageOf(count);

/** How a generated usage reports its cached tokens: not at all, as a count, or as a count with details. */
const CACHE_REPORTS = ['none', 'count', 'details'] as const;

/**
 * A consistent SDK-form usage object of integers small enough to add up many:
 * output details or not, cached tokens (a part of each input kind) absent,
 * as a count, or with details; inputs of one kind or of both.
 */
export const consistentIntegerUsage: fc.Arbitrary<ImageUsage> = fc
  .record({
    inputText: fc.oneof(fc.nat(1e9), fc.constant(0)),
    inputImage: fc.oneof(fc.nat(1e9), fc.constant(0)),
    outputText: fc.nat(1e9),
    outputImage: fc.nat(1e9),
    withOutputDetails: fc.boolean(),
    cache: fc.constantFrom(...CACHE_REPORTS),
    cachedShare: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map(({ inputText, inputImage, outputText, outputImage, withOutputDetails, cache, cachedShare }) => {
    const usage: ImageUsage = {
      totalTokens: inputText + inputImage + outputText + outputImage,
      inputTokens: inputText + inputImage,
      outputTokens: outputText + outputImage,
      inputTokensDetails: { textTokens: inputText, imageTokens: inputImage },
    };
    if (withOutputDetails) usage.outputTokensDetails = { textTokens: outputText, imageTokens: outputImage };
    const cachedText = Math.floor(inputText * cachedShare[0]);
    const cachedImage = Math.floor(inputImage * cachedShare[1]);
    if (cache !== 'none') usage.cachedTokens = cachedText + cachedImage;
    if (cache === 'details') usage.cachedTokensDetails = { cachedTextTokens: cachedText, cachedImageTokens: cachedImage };
    return usage;
  });

/** A valid wire-form usage object, `output_tokens_details` absent, `null` or an object. */
export const wireImageUsage: fc.Arbitrary<WireImageUsage> = fc.record(
  {
    total_tokens: count,
    input_tokens: count,
    output_tokens: count,
    input_tokens_details: fc.record({ text_tokens: count, image_tokens: count }),
    output_tokens_details: fc.option(fc.record({ text_tokens: count, image_tokens: count }), { nil: null }),
    cached_tokens: count,
    cached_tokens_details: fc.option(fc.record({ cached_text_tokens: count, cached_image_tokens: count }), { nil: null }),
  },
  { requiredKeys: ['total_tokens', 'input_tokens', 'output_tokens', 'input_tokens_details'] },
);

/**
 * A usage-like value: a valid object in either form with some field possibly
 * replaced, removed or added, or any JSON-ish value at all.
 */
export const usageLike: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(fc.oneof(imageUsage, wireImageUsage), fc.option(fc.tuple(fc.string(), fc.boolean(), notCount)))
    .map(([usage, change]) => {
      const copy = structuredClone(usage) as unknown as Record<string, unknown>;
      if (change === null) return copy;
      const [seed, nested, value] = change;
      const keys = Object.keys(copy);
      const key = keys[seed.length % keys.length]!;
      const target = nested && typeof copy[key] === 'object' && copy[key] !== null ? (copy[key] as Record<string, unknown>) : copy;
      const targetKeys = Object.keys(target);
      const targetKey = targetKeys[seed.length % targetKeys.length] ?? key;
      if (seed.length % 5 === 0) Reflect.deleteProperty(target, targetKey);
      else target[targetKey] = value;
      return copy;
    }),
  fc.jsonValue(),
  fc.anything(),
);

/**
 * A usage object of either form whose details are functions carrying the
 * right fields: still not objects, as valibot says.
 */
export const functionDetailsUsage: fc.Arbitrary<unknown> = fc
  .tuple(fc.oneof<[fc.Arbitrary<ImageUsage>, fc.Arbitrary<WireImageUsage>]>(imageUsage, wireImageUsage), fc.boolean())
  .map(([usage, output]) => {
    const copy = structuredClone(usage) as unknown as Record<string, unknown>;
    const key = 'totalTokens' in copy ? (output ? 'outputTokensDetails' : 'inputTokensDetails') : output ? 'output_tokens_details' : 'input_tokens_details';
    copy[key] = Object.assign(() => 0, { textTokens: 1, imageTokens: 2, text_tokens: 1, image_tokens: 2 });
    return copy;
  });

/** A Gemini usageMetadata-like value: each count and details array absent, valid or not, entries of any modality. */
export const geminiLike: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      promptTokenCount: fc.oneof(fc.nat(5000), count, notCount),
      candidatesTokenCount: fc.oneof(fc.nat(5000), count),
      totalTokenCount: fc.oneof(fc.nat(10_000), count),
      thoughtsTokenCount: fc.nat(2000),
      toolUsePromptTokenCount: fc.oneof(fc.nat(500), notCount),
      cachedContentTokenCount: fc.nat(500),
      promptTokensDetails: fc.oneof(
        fc.array(
          fc.record(
            { modality: fc.constantFrom('TEXT', 'IMAGE', 'DOCUMENT', 'AUDIO', 'VIDEO', 'MODALITY_UNSPECIFIED', 'OTHER'), tokenCount: fc.oneof(fc.nat(5000), notCount) },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
        notCount,
      ),
      candidatesTokensDetails: fc.array(fc.record({ modality: fc.constantFrom('TEXT', 'IMAGE', 'AUDIO'), tokenCount: fc.nat(5000) }, { requiredKeys: [] }), { maxLength: 3 }),
      cacheTokensDetails: fc.array(fc.record({ modality: fc.constantFrom('TEXT', 'IMAGE', 'VIDEO'), tokenCount: fc.nat(500) }, { requiredKeys: [] }), { maxLength: 2 }),
      toolUsePromptTokensDetails: fc.array(fc.record({ modality: fc.constantFrom('TEXT', 'IMAGE'), tokenCount: fc.nat(500) }), { maxLength: 2 }),
      trafficType: fc.constantFrom('ON_DEMAND', 'PROVISIONED_THROUGHPUT'),
    },
    { requiredKeys: [] },
  ),
  // Gemini's own rules holding: prompt and candidates itemised, the total their sum.
  fc.tuple(fc.nat(5000), fc.nat(5000), fc.nat(3000), fc.nat(2000), fc.nat(300)).map(([text, image, outText, outImage, thoughts]) => ({
    promptTokenCount: text + image,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: text }, { modality: 'IMAGE', tokenCount: image }],
    candidatesTokenCount: outText + outImage,
    candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: outImage }],
    thoughtsTokenCount: thoughts,
    totalTokenCount: text + image + outText + outImage + thoughts,
  })),
  fc.anything(),
);
