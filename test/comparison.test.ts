import { CreateImageVariationUsage$inboundSchema as OrqUsageSchema } from '@orq-ai/node/models/operations/index.js';
import { readFileSync } from 'node:fs';
import OpenAI6 from 'openai';
import OpenAI7 from 'openai-7';
import { describe, expect, test } from 'vitest';
import { checkImageUsage, parseImageUsage, safeParseImageUsage } from '../src/index.ts';
import { wireUsage as wire } from './fixtures/samples.ts';

// What docs/comparison.md says about the orq.ai SDK's zod schema and the
// OpenAI SDK's types, checked against the installed packages: @orq-ai/node 4,
// and openai 6 (`openai`) and 7 (`openai-7`).

/** The package.json of an installed package. */
function manifest(name: string): { version: string; engines?: { node?: string } } {
  return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'));
}

test('the versions docs/comparison.md names: openai 6 runs on Node 20, openai 7 wants Node 22, so Node 20 gets 6', () => {
  expect(manifest('openai').version).toMatch(/^6\./);
  expect(manifest('openai').engines?.node).toBeUndefined();
  expect(manifest('openai-7').version).toMatch(/^7\./);
  expect(manifest('openai-7').engines?.node).toBe('>=22.0.0');
  expect(manifest('@orq-ai/node').version).toMatch(/^4\./);
  const comparison = readFileSync(new URL('../docs/comparison.md', import.meta.url), 'utf8');
  for (const name of ['openai', 'openai-7', '@orq-ai/node']) expect(comparison).toContain(manifest(name).version);
});

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

/** Options for a client whose fetch answers every request with this body, without any network. */
function answering(body: unknown) {
  return {
    apiKey: 'test',
    maxRetries: 0,
    fetch: async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  };
}

/** images.generate with each SDK's client, answered with this body. */
const generate = {
  'openai 6': (body: unknown) => new OpenAI6(answering(body)).images.generate({ model: 'gpt-image-2', prompt: 'a lighthouse' }),
  'openai 7': (body: unknown) => new OpenAI7(answering(body)).images.generate({ model: 'gpt-image-2', prompt: 'a lighthouse' }),
};

describe.each(Object.entries(generate))('the OpenAI SDK, %s: ImagesResponse.Usage', (_, generateWith) => {
  test('is a type only: a broken usage comes through images.generate unchecked', async () => {
    const usage = { total_tokens: '4768', input_tokens: -1, output_tokens: 4599.5 };
    const response = await generateWith({ created: 1713833628, data: [], usage });
    expect(response.usage).toStrictEqual(usage);
    expect(safeParseImageUsage(response.usage).success).toBe(false);
  });

  test('a valid usage from it parses as the wire form', async () => {
    const response = await generateWith({ created: 1713833628, data: [], usage: wire });
    expect(parseImageUsage(response.usage, { strict: true }).totalTokens).toBe(4768);
  });
});
