import type { Response } from 'openai-7/resources/responses/responses';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import responses from './fixtures/responses.json' with { type: 'json' };
import { sdkUsageWithCachedTokens, wireUsageWithCachedTokens } from './fixtures/samples.ts';
import { estimateCost, exactCost, parseImageUsage, StrictWireImageUsageSchema, toWire, WireOrSdkImageUsageSchema } from '../src/index.ts';

// OpenAI's Responses API reports its image tool's usage at
// `response.tool_usage.image_gen` (openai 7.46 and later): the wire form with
// cached input tokens. The public recordings found so far carry it with every
// figure zero; this one is built to the openai 7.60 type, with figures of the
// size gpt-image-1.5 reports.

/** The image tool's usage, typed by the openai 7.60 package: a model that caches part of an edit's input. */
const imageGen: Response.ToolUsage.ImageGen = wireUsageWithCachedTokens;

/** gpt-image-1.5 in the genai-prices catalog, per million tokens. */
const prices = { inputText: 5, inputImage: 8, outputText: 10, outputImage: 32, cachedInputText: 1.25, cachedInputImage: 2 };

describe('tool_usage.image_gen', () => {
  test('parses in the wire form with its cached tokens, strict, and goes back to it', () => {
    const usage = parseImageUsage(imageGen, { strict: true });
    expect(usage).toStrictEqual(sdkUsageWithCachedTokens);
    expect(v.parse(WireOrSdkImageUsageSchema, imageGen)).toStrictEqual(usage);
    // The SDK form parses to itself.
    expect(parseImageUsage(usage, { strict: true })).toStrictEqual(usage);
    expect(toWire(usage)).toStrictEqual({ ...imageGen, cached_tokens_details: { cached_text_tokens: 100, cached_image_tokens: 300 } });
  });

  test('is priced with its cached tokens at the cached prices', () => {
    // 300 × 5 + 100 × 1.25 + 300 × 8 + 300 × 2 + 4160 × 32 = 137745 millionths
    const usage = parseImageUsage(imageGen);
    expect(exactCost(usage, prices)).toBe('0.137745');
    expect(estimateCost(usage, prices)).toBe(0.137745);
    // Dropping the cached fields, as gateways that ignored them did, overbills: 1000 fresh input tokens.
    const { cached_tokens: _, cached_tokens_details: __, ...dropped } = imageGen;
    expect(estimateCost(parseImageUsage(dropped), prices)).toBe(0.13992);
  });

  test('the public recording (pydantic-ai cassette, all figures zero) parses to zeros, strict', () => {
    const recorded = responses.cases.find(({ body }) => 'tool_usage' in body)!;
    const { image_gen } = (recorded.body as unknown as { tool_usage: { image_gen: unknown } }).tool_usage;
    const usage = v.parse(StrictWireImageUsageSchema, image_gen);
    expect(usage).toStrictEqual({
      totalTokens: 0,
      inputTokens: 0,
      outputTokens: 0,
      inputTokensDetails: { textTokens: 0, imageTokens: 0 },
      outputTokensDetails: { textTokens: 0, imageTokens: 0 },
    });
    expect(estimateCost(usage, prices)).toBe(0);
  });
});
