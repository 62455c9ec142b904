import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { StrictWireImageUsageSchema } from './StrictWireImageUsageSchema.ts';
import { sdkUsage as sdk, wireUsage as wire } from '../../test/fixtures/samples.ts';

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
