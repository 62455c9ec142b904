import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { ImageUsageSchema } from '../schemas/ImageUsageSchema.ts';
import { WireImageUsageSchema } from '../schemas/WireImageUsageSchema.ts';
import { consistentImageUsage } from './consistentImageUsage.ts';

const seed = {
  totalTokens: 5343.23,
  inputTokens: 1724.51,
  outputTokens: 3577.08,
  inputTokensDetails: { textTokens: 8380.62, imageTokens: 553.63 },
};

describe('consistentImageUsage', () => {
  test('adds one issue per broken rule after the SDK schema', () => {
    const result = v.safeParse(v.pipe(ImageUsageSchema, consistentImageUsage()), seed);
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.kind, issue.type, issue.expected, issue.received])).toStrictEqual([
      ['totalTokens', 'validation', 'consistent_image_usage', 'inputTokens + outputTokens = 5301.59', '5343.23'],
      [
        'inputTokens',
        'validation',
        'consistent_image_usage',
        'inputTokensDetails.textTokens + inputTokensDetails.imageTokens = 8934.25',
        '1724.51',
      ],
    ]);
    expect(result.issues?.[0]?.message).toBe('expected inputTokens + outputTokens = 5301.59, received 5343.23');
  });

  test('works after the wire schema, on its SDK-form output', () => {
    const Schema = v.pipe(WireImageUsageSchema, consistentImageUsage());
    const wire = {
      total_tokens: 4212,
      input_tokens: 52,
      output_tokens: 4160,
      input_tokens_details: { text_tokens: 52, image_tokens: 0 },
    };
    expect(v.parse(Schema, wire).totalTokens).toBe(4212);
    expect(v.safeParse(Schema, { ...wire, total_tokens: 4213 }).issues?.map((issue) => v.getDotPath(issue))).toStrictEqual([
      'totalTokens',
    ]);
    // With the form of the input named, the issue points at the key the caller sent.
    const named = v.pipe(WireImageUsageSchema, consistentImageUsage({ form: 'wire' }));
    expect(
      v.safeParse(named, { ...wire, total_tokens: 4213 }).issues?.map((issue) => [v.getDotPath(issue), issue.message]),
    ).toStrictEqual([['total_tokens', 'expected input_tokens + output_tokens = 4212, received 4213']]);
  });

  test('rejects a form it does not know', () => {
    expect(() => consistentImageUsage({ form: 'camel' as 'sdk' })).toThrow(
      new TypeError('consistentImageUsage: form: expected "sdk" or "wire", received "camel"'),
    );
  });

  test('takes a tolerance', () => {
    const nearly = { ...seed, totalTokens: 5301.59 * (1 + 1e-7), inputTokensDetails: { textTokens: 1724.51, imageTokens: 0 } };
    expect(v.is(v.pipe(ImageUsageSchema, consistentImageUsage()), nearly)).toBe(false);
    expect(v.is(v.pipe(ImageUsageSchema, consistentImageUsage({ tolerance: 1e-6 })), nearly)).toBe(true);
    expect(() => consistentImageUsage({ tolerance: -1 })).toThrow(RangeError);
  });

  test('stays out of the way when the schema already failed', () => {
    const result = v.safeParse(v.pipe(ImageUsageSchema, consistentImageUsage()), { ...seed, totalTokens: 'x' });
    expect(result.issues?.map((issue) => issue.type)).toStrictEqual(['number']);
  });

  test('is a valibot validation action', () => {
    const action = consistentImageUsage({ tolerance: 0.5 });
    expect(action).toMatchObject({ kind: 'validation', type: 'consistent_image_usage', async: false, requirement: 0.5 });
    expect(action.reference).toBe(consistentImageUsage);
  });
});

test('takes no form but "sdk" and "wire", however it converts', () => {
  for (const form of [null, ['wire'], { toString: () => 'sdk' }, Object.create(null), 'SDK']) {
    expect(() => consistentImageUsage({ form: form as 'sdk' })).toThrow(TypeError);
  }
  expect(consistentImageUsage({ form: undefined }).requirement).toBe(1e-9);
});
