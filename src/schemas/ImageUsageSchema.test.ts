import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { ImageUsageSchema } from './ImageUsageSchema.ts';

const usage = {
  totalTokens: 4212,
  inputTokens: 52,
  outputTokens: 4160,
  inputTokensDetails: { textTokens: 52, imageTokens: 0 },
};
const outputTokensDetails = { textTokens: 0, imageTokens: 4160 };

describe('ImageUsageSchema', () => {
  test('passes a valid object through as a fresh copy', () => {
    const output = v.parse(ImageUsageSchema, usage);
    expect(output).toStrictEqual(usage);
    expect(output).not.toBe(usage);
    expect(output.inputTokensDetails).not.toBe(usage.inputTokensDetails);
  });

  test('keeps output details and drops unknown keys at every level', () => {
    const input = {
      ...usage,
      inputTokensDetails: { ...usage.inputTokensDetails, cachedTokens: 3 },
      outputTokensDetails,
      model: 'gpt-image-1',
    };
    expect(v.parse(ImageUsageSchema, input)).toStrictEqual({ ...usage, outputTokensDetails });
  });

  test('leaves out outputTokensDetails when it is undefined', () => {
    const output = v.parse(ImageUsageSchema, { ...usage, outputTokensDetails: undefined });
    expect('outputTokensDetails' in output).toBe(false);
  });

  test('reports each bad field with its SDK path', () => {
    const result = v.safeParse(ImageUsageSchema, {
      ...usage,
      totalTokens: '4212',
      inputTokensDetails: { textTokens: 52, imageTokens: -1 },
      outputTokensDetails: null,
    });
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.expected, issue.received])).toStrictEqual([
      ['totalTokens', 'number', '"4212"'],
      ['inputTokensDetails.imageTokens', '>=0', '-1'],
      ['outputTokensDetails', 'Object', 'null'],
    ]);
  });

  test('reports a missing key', () => {
    const { inputTokens: _, ...rest } = usage;
    const result = v.safeParse(ImageUsageSchema, rest);
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.kind, issue.received])).toStrictEqual([
      ['inputTokens', 'schema', 'undefined'],
    ]);
  });

  test('is a Standard Schema v1 whose validate takes the same paths', () => {
    const standard = ImageUsageSchema['~standard'];
    expect(standard.version).toBe(1);
    expect(standard.vendor).toBe('valibot');
    expect(standard.validate(usage)).toStrictEqual({ typed: true, value: usage });
    const failed = standard.validate({ ...usage, outputTokens: -5 });
    expect(failed).toHaveProperty('issues');
    expect((failed as { issues: v.BaseIssue<unknown>[] }).issues[0]?.path?.[0]?.key).toBe('outputTokens');
  });

  test('composes in a user pipe, which sees the fresh output', () => {
    const Schema = v.pipe(
      ImageUsageSchema,
      v.check((value) => value.totalTokens < 5000, 'too many tokens'),
    );
    expect(v.is(Schema, usage)).toBe(true);
    expect(v.safeParse(Schema, { ...usage, totalTokens: 6000 }).issues?.[0]?.message).toBe('too many tokens');
  });

  test('works as an entry of a larger schema, with paths through it', () => {
    const Response = v.object({ created: v.number(), usage: ImageUsageSchema });
    const result = v.safeParse(Response, { created: 1, usage: { ...usage, inputTokens: Number.NaN } });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toStrictEqual(['usage.inputTokens']);
  });

  test('never mutates its input', () => {
    const input = structuredClone({ ...usage, outputTokensDetails: undefined, extra: 1 });
    const before = structuredClone(input);
    v.safeParse(ImageUsageSchema, input);
    v.safeParse(ImageUsageSchema, { ...input, totalTokens: 'x' });
    expect(input).toStrictEqual(before);
  });
});

test("an issue's expected and received say what its message says", () => {
  const { inputTokens: _, ...missing } = usage;
  for (const input of [{ ...usage, totalTokens: Number.POSITIVE_INFINITY }, missing, { ...usage, inputTokensDetails: null }]) {
    for (const issue of v.safeParse(ImageUsageSchema, input).issues ?? []) {
      expect(issue.message).toBe(`expected ${String(issue.expected)}, received ${issue.received}`);
    }
  }
  expect(v.safeParse(ImageUsageSchema, missing).issues?.[0]?.expected).toBe('number');
});
