import { extractUsage, findProvider } from '@pydantic/genai-prices';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { checkImageUsage, GeminiUsageMetadataSchema, parseImageUsage, StrictGeminiUsageMetadataSchema, StrictWireImageUsageSchema } from '../src/index.ts';
import cached from './fixtures/cached-payloads.json' with { type: 'json' };

// Real payloads with cached tokens (test/fixtures/cached-payloads.json, each
// with its source): Gemini's cachedContentTokenCount and cacheTokensDetails,
// read as genai-prices reads them; OpenAI's tool_usage.image_gen.

const google = findProvider({ providerId: 'google' })!;

describe("Gemini's cached tokens, from real responses", () => {
  const readable = cached.gemini.filter(({ usageMetadata }) => v.is(GeminiUsageMetadataSchema, usageMetadata));

  test('every payload but the one with audio and video tokens is read, strict too', () => {
    expect(cached.gemini.filter((payload) => !readable.includes(payload)).map(({ name }) => name)).toStrictEqual([
      expect.stringContaining('YouTube video'),
    ]);
    for (const { name, usageMetadata } of readable) expect([name, v.is(StrictGeminiUsageMetadataSchema, usageMetadata)]).toStrictEqual([name, true]);
  });

  test.each(readable.map((payload) => [payload.name, payload] as const))('%s: the cached tokens genai-prices reads', (_, { usageMetadata }) => {
    const ours = v.parse(GeminiUsageMetadataSchema, usageMetadata);
    const theirs = extractUsage(google, { usageMetadata }).usage as Record<string, number | undefined>;
    expect({ cached: ours.cachedTokens, cachedImage: ours.cachedTokensDetails?.cachedImageTokens }).toStrictEqual({
      cached: theirs['cache_read_tokens'],
      cachedImage: theirs['cache_image_read_tokens'] ?? 0,
    });
    // Text is the rest, as genai-prices' own text entries say where they are given.
    if (theirs['cache_text_read_tokens'] !== undefined) expect(ours.cachedTokensDetails?.cachedTextTokens).toBe(theirs['cache_text_read_tokens']);
    // The usage is consistent, the cached rules included.
    expect(checkImageUsage(ours)).toStrictEqual([]);
    expect(parseImageUsage(ours, { strict: true })).toStrictEqual(ours);
  });
});

describe("OpenAI's tool_usage.image_gen, from recordings", () => {
  test.each(cached.openaiToolUsage.map((payload) => [payload.name, payload] as const))('%s: parses strict, without cached tokens', (_, { tool_usage }) => {
    const usage = v.parse(StrictWireImageUsageSchema, tool_usage.image_gen);
    expect(usage.totalTokens).toBe(tool_usage.image_gen.total_tokens);
    expect(usage).not.toHaveProperty('cachedTokens');
  });
});
