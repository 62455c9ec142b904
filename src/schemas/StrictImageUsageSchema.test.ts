import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { StrictImageUsageSchema, StrictWireImageUsageSchema } from './StrictImageUsageSchema.ts';
import { sdkUsage as sdk, wireUsage as wire } from '../../test/fixtures/samples.ts';


describe('StrictImageUsageSchema', () => {
  test('accepts a consistent object of safe integers', () => {
    expect(v.parse(StrictImageUsageSchema, sdk)).toStrictEqual(sdk);
  });

  test('rejects fractions and unsafe integers at their paths', () => {
    const result = v.safeParse(StrictImageUsageSchema, {
      ...sdk,
      totalTokens: 4768.5,
      inputTokensDetails: { textTokens: 2 ** 53, imageTokens: 0 },
    });
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.type])).toStrictEqual([
      ['totalTokens', 'safe_integer'],
      ['inputTokensDetails.textTokens', 'safe_integer'],
    ]);
  });

  test('adds one issue per broken rule, at the reported field', () => {
    const result = v.safeParse(StrictImageUsageSchema, {
      ...sdk,
      totalTokens: 4769,
      inputTokensDetails: { textTokens: 168, imageTokens: 0 },
      outputTokensDetails: { textTokens: 440, imageTokens: 4160 },
    });
    expect(
      result.issues?.map((issue) => [v.getDotPath(issue), issue.type, issue.expected, issue.received]),
    ).toStrictEqual([
      ['totalTokens', 'consistent_image_usage', 'inputTokens + outputTokens = 4768', '4769'],
      ['inputTokens', 'consistent_image_usage', 'inputTokensDetails.textTokens + inputTokensDetails.imageTokens = 168', '169'],
      ['outputTokens', 'consistent_image_usage', 'outputTokensDetails.textTokens + outputTokensDetails.imageTokens = 4600', '4599'],
    ]);
  });
});

describe('StrictWireImageUsageSchema', () => {
  test('accepts a consistent wire object and gives the SDK form', () => {
    expect(v.parse(StrictWireImageUsageSchema, wire)).toStrictEqual(sdk);
  });

  test('names the wire fields in consistency issues', () => {
    const result = v.safeParse(StrictWireImageUsageSchema, { ...wire, total_tokens: 1 });
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.expected])).toStrictEqual([
      ['total_tokens', 'input_tokens + output_tokens = 4768'],
    ]);
  });

  test('accepts null output details', () => {
    const { outputTokensDetails: _, ...withoutDetails } = sdk;
    expect(v.parse(StrictWireImageUsageSchema, { ...wire, output_tokens_details: null })).toStrictEqual(withoutDetails);
  });
});
