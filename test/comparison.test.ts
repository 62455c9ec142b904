import { CreateImageVariationUsage$inboundSchema as OrqUsageSchema } from '@orq-ai/node/models/operations/index.js';
import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { checkImageUsage, parseImageUsage, safeParseImageUsage } from '../src/index.ts';
import { wireUsage as wire } from './fixtures/samples.ts';

// What the README's comparison says about the orq.ai SDK's zod schema and the
// OpenAI SDK's types, checked against the installed packages.


describe('the orq.ai SDK: CreateImageVariationUsage$inboundSchema', () => {
  test('turns the wire form into the SDK form, and drops output_tokens_details', () => {
    expect(OrqUsageSchema.parse(wire)).toStrictEqual({
      totalTokens: 4768,
      inputTokens: 169,
      outputTokens: 4599,
      inputTokensDetails: { textTokens: 169, imageTokens: 0 },
    });
    expect(parseImageUsage(wire).outputTokensDetails).toStrictEqual({ textTokens: 439, imageTokens: 4160 });
  });

  test('rejects a count that is not a number, as image-usage does', () => {
    expect(OrqUsageSchema.safeParse({ ...wire, total_tokens: '4768' }).success).toBe(false);
    expect(safeParseImageUsage({ ...wire, total_tokens: '4768' }).success).toBe(false);
  });

  test.each([-1, 12.5, Number.POSITIVE_INFINITY])('accepts the count %s, which image-usage rejects at least under the strict rules', (count) => {
    expect(OrqUsageSchema.safeParse({ ...wire, input_tokens: count }).success).toBe(true);
    expect(safeParseImageUsage({ ...wire, input_tokens: count }, { strict: true }).success).toBe(false);
  });

  test('image-usage rejects negative and infinite counts under the default rules too, and takes fractions', () => {
    expect(safeParseImageUsage({ ...wire, input_tokens: -1 }).success).toBe(false);
    expect(safeParseImageUsage({ ...wire, input_tokens: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(safeParseImageUsage({ ...wire, input_tokens: 12.5 }).success).toBe(true);
  });

  test('does not check the sums', () => {
    const broken = { ...wire, total_tokens: 1 };
    expect(OrqUsageSchema.safeParse(broken).success).toBe(true);
    expect(checkImageUsage(parseImageUsage(broken)).map(({ rule }) => rule)).toStrictEqual(['total']);
  });
});

describe('the OpenAI SDK: ImagesResponse.Usage', () => {
  /** A client whose fetch answers every request with this body, without any network. */
  function clientAnswering(body: unknown): OpenAI {
    return new OpenAI({
      apiKey: 'test',
      maxRetries: 0,
      fetch: async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
    });
  }

  test('is a type only: a broken usage comes through images.generate unchecked', async () => {
    const usage = { total_tokens: '4768', input_tokens: -1, output_tokens: 4599.5 };
    const client = clientAnswering({ created: 1713833628, data: [], usage });
    const response = await client.images.generate({ model: 'gpt-image-1', prompt: 'a lighthouse' });
    expect(response.usage).toStrictEqual(usage);
    expect(safeParseImageUsage(response.usage).success).toBe(false);
  });

  test('a valid usage from it parses as the wire form', async () => {
    const client = clientAnswering({ created: 1713833628, data: [], usage: wire });
    const response = await client.images.generate({ model: 'gpt-image-1', prompt: 'a lighthouse' });
    expect(parseImageUsage(response.usage, { strict: true }).totalTokens).toBe(4768);
  });
});
