import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { WireImageUsageSchema } from './WireImageUsageSchema.ts';

const wire = {
  total_tokens: 4768,
  input_tokens: 169,
  output_tokens: 4599,
  input_tokens_details: { text_tokens: 169, image_tokens: 0 },
};
const sdk = {
  totalTokens: 4768,
  inputTokens: 169,
  outputTokens: 4599,
  inputTokensDetails: { textTokens: 169, imageTokens: 0 },
};

describe('WireImageUsageSchema', () => {
  test('takes the wire form and gives the SDK form', () => {
    expect(v.parse(WireImageUsageSchema, wire)).toStrictEqual(sdk);
  });

  test('converts output details', () => {
    expect(
      v.parse(WireImageUsageSchema, { ...wire, output_tokens_details: { text_tokens: 439, image_tokens: 4160 } }),
    ).toStrictEqual({ ...sdk, outputTokensDetails: { textTokens: 439, imageTokens: 4160 } });
  });

  test.each([null, undefined])('gives absent output details for %s', (value) => {
    const output = v.parse(WireImageUsageSchema, { ...wire, output_tokens_details: value });
    expect(output).toStrictEqual(sdk);
    expect('outputTokensDetails' in output).toBe(false);
  });

  test('reports issues with wire paths', () => {
    const result = v.safeParse(WireImageUsageSchema, {
      ...wire,
      input_tokens_details: { text_tokens: 169, image_tokens: 'many' },
      output_tokens_details: { text_tokens: -1, image_tokens: 4160 },
    });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toStrictEqual([
      'input_tokens_details.image_tokens',
      'output_tokens_details.text_tokens',
    ]);
  });

  test('rejects the SDK form with one issue: none of its keys is a wire key', () => {
    const result = v.safeParse(WireImageUsageSchema, sdk);
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message])).toStrictEqual([
      [null, 'expected usage keys in snake_case (total_tokens, ...), received Object without any'],
    ]);
  });
});
