import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { safeParseImageUsage } from './safeParseImageUsage.ts';

const sdk = {
  totalTokens: 4212,
  inputTokens: 52,
  outputTokens: 4160,
  inputTokensDetails: { textTokens: 52, imageTokens: 0 },
};

describe('safeParseImageUsage', () => {
  test('returns the output on success', () => {
    expect(safeParseImageUsage(sdk)).toStrictEqual({ success: true, output: sdk });
  });

  test('returns issues with the path in path and a message reading expected, received', () => {
    const result = safeParseImageUsage({ ...sdk, outputTokens: '4160' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((issue) => [v.getDotPath(issue), issue.message])).toStrictEqual([
      ['outputTokens', 'expected number, received "4160"'],
    ]);
  });

  test("gives what valibot's own tools take, without a doubled path", () => {
    const result = safeParseImageUsage({ ...sdk, outputTokens: '4160', inputTokensDetails: { textTokens: -1, imageTokens: 0 } });
    if (result.success) throw new Error('expected issues');
    expect(v.flatten(result.issues)).toStrictEqual({
      nested: { outputTokens: ['expected number, received "4160"'], 'inputTokensDetails.textTokens': ['expected >=0, received -1'] },
    });
    expect(v.summarize(result.issues)).toBe(
      '× expected number, received "4160"\n  → at outputTokens\n× expected >=0, received -1\n  → at inputTokensDetails.textTokens',
    );
  });

  test('answers with an issue, never throws, when a getter or proxy trap throws', () => {
    const hostile = new Proxy(sdk, {
      has() {
        throw new Error('boom');
      },
    });
    const result = safeParseImageUsage(hostile);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((issue) => [v.getDotPath(issue), issue.message])).toStrictEqual([
      [null, 'expected a readable value, received one that could not be read (a getter or proxy trap threw)'],
    ]);
  });

  test('cuts a huge received value in the message', () => {
    const result = safeParseImageUsage({ ...sdk, totalTokens: 'x'.repeat(1_000_000) });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0].message.length).toBeLessThan(300);
    expect(result.issues[0].message).toContain('(1000000 characters)');
  });

  test('ignores options that are not an object of the right shape', () => {
    expect(safeParseImageUsage(sdk, { strict: 'yes' as unknown as boolean })).toStrictEqual({ success: true, output: sdk });
  });

  test('reads a strict option whose getter throws as not strict, and still does not throw', () => {
    const options = Object.defineProperty({}, 'strict', {
      get() {
        throw new Error('boom');
      },
    });
    expect(safeParseImageUsage({ ...sdk, totalTokens: 0.5 }, options)).toStrictEqual({
      success: true,
      output: { ...sdk, totalTokens: 0.5 },
    });
  });
});
