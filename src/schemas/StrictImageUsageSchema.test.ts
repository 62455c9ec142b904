import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { StrictImageUsageSchema } from './StrictImageUsageSchema.ts';
import { sdkUsage as sdk } from '../../test/fixtures/samples.ts';


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
