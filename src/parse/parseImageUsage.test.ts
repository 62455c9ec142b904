import { describe, expect, test } from 'vitest';
import { ImageUsageError } from './ImageUsageError.ts';
import { isImageUsage } from '../isImageUsage/index.ts';
import { parseImageUsage } from './parseImageUsage.ts';

const wire = {
  total_tokens: 4212,
  input_tokens: 52,
  output_tokens: 4160,
  input_tokens_details: { text_tokens: 52, image_tokens: 0 },
};
const sdk = {
  totalTokens: 4212,
  inputTokens: 52,
  outputTokens: 4160,
  inputTokensDetails: { textTokens: 52, imageTokens: 0 },
};

/** The error parseImageUsage throws for an input. */
function errorOf(input: unknown, strict = false): ImageUsageError {
  try {
    parseImageUsage(input, { strict });
  } catch (error) {
    if (error instanceof ImageUsageError) return error;
    throw error;
  }
  throw new Error('parseImageUsage did not throw');
}

describe('parseImageUsage', () => {
  test('reads either form into a fresh SDK-form object', () => {
    expect(parseImageUsage(wire)).toStrictEqual(sdk);
    const output = parseImageUsage(sdk);
    expect(output).toStrictEqual(sdk);
    expect(output).not.toBe(sdk);
  });

  test('drops unknown keys and keeps known ones, null output details as absent', () => {
    expect(parseImageUsage({ ...wire, output_tokens_details: null, model: 'gpt-image-1' })).toStrictEqual(sdk);
    expect(
      parseImageUsage({ ...sdk, outputTokensDetails: { textTokens: 0, imageTokens: 4160, audioTokens: 1 }, id: 'x' }),
    ).toStrictEqual({ ...sdk, outputTokensDetails: { textTokens: 0, imageTokens: 4160 } });
  });

  test('names wire paths for wire input and SDK paths for SDK input', () => {
    expect(errorOf({ ...wire, input_tokens_details: { text_tokens: 52, image_tokens: '0' } }).message).toBe(
      'Invalid image usage (1 issue):\n  input_tokens_details.image_tokens: expected number, received "0"',
    );
    expect(errorOf({ ...sdk, inputTokensDetails: { textTokens: 52, imageTokens: '0' } }).message).toBe(
      'Invalid image usage (1 issue):\n  inputTokensDetails.imageTokens: expected number, received "0"',
    );
  });

  test('lists every problem on its own line', () => {
    const error = errorOf({ total_tokens: -1, input_tokens: Number.POSITIVE_INFINITY, output_tokens: 1 });
    expect(error.message.split('\n')).toStrictEqual([
      'Invalid image usage (3 issues):',
      '  total_tokens: expected >=0, received -1',
      '  input_tokens: expected a finite number, received Infinity',
      '  input_tokens_details: expected Object, received undefined',
    ]);
    expect(error.issues).toHaveLength(3);
    expect(error.name).toBe('ImageUsageError');
    expect(error).toBeInstanceOf(Error);
  });

  test('rejects an object that mixes the two forms', () => {
    expect(errorOf({ ...wire, totalTokens: 4212 }).message).toBe(
      'Invalid image usage (1 issue):\n  (root): expected snake_case (wire) or camelCase (SDK) usage keys, not both, received total_tokens and totalTokens',
    );
  });

  test('rejects an object without usage keys (saying where the usage of a whole response is), and values that are not objects', () => {
    expect(errorOf({ created: 1713833628, data: [], usage: wire }).message).toBe(
      'Invalid image usage (1 issue):\n  (root): expected usage keys in snake_case (total_tokens, ...) or camelCase (totalTokens, ...), received Object without any, but with usage: a whole response? pass response.usage, or the response to parseImageResponse',
    );
    expect(errorOf({ model: 'gpt-image-2' }).message).toBe(
      'Invalid image usage (1 issue):\n  (root): expected usage keys in snake_case (total_tokens, ...) or camelCase (totalTokens, ...), received Object without any',
    );
    expect(errorOf('usage').message).toBe('Invalid image usage (1 issue):\n  (root): expected Object, received "usage"');
    expect(errorOf(null).message).toBe('Invalid image usage (1 issue):\n  (root): expected Object, received null');
  });

  test('strict: safe integers and consistent sums, in the caller form', () => {
    expect(parseImageUsage(wire, { strict: true })).toStrictEqual(sdk);
    expect(errorOf({ ...wire, total_tokens: 4212.5 }, true).message).toBe(
      'Invalid image usage (1 issue):\n  total_tokens: expected a safe integer, received 4212.5',
    );
    expect(errorOf({ ...wire, total_tokens: 4213 }, true).message).toBe(
      'Invalid image usage (1 issue):\n  total_tokens: expected input_tokens + output_tokens = 4212, received 4213',
    );
    expect(errorOf({ ...sdk, totalTokens: 4213 }, true).message).toBe(
      'Invalid image usage (1 issue):\n  totalTokens: expected inputTokens + outputTokens = 4212, received 4213',
    );
  });

  test('default rules accept fractions and inconsistent sums', () => {
    const seed = {
      totalTokens: 5343.23,
      inputTokens: 1724.51,
      outputTokens: 3577.08,
      inputTokensDetails: { textTokens: 8380.62, imageTokens: 553.63 },
    };
    expect(parseImageUsage(seed)).toStrictEqual(seed);
    expect(errorOf(seed, true).issues.map((issue) => issue.type)).toStrictEqual([
      'safe_integer',
      'safe_integer',
      'safe_integer',
      'safe_integer',
      'safe_integer',
    ]);
  });

  test('never mutates its input', () => {
    const input = { ...wire, output_tokens_details: null, extra: { nested: [1, 2] } };
    const before = structuredClone(input);
    parseImageUsage(input);
    errorOf({ ...input, total_tokens: 'x' });
    expect(input).toStrictEqual(before);
  });
});

describe('how often parseImageUsage reads its input', () => {
  /** A deep copy of a usage object whose every field counts its reads by path. */
  function counted(value: Record<string, unknown>, reads: Map<string, number>, prefix = ''): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const inner = typeof field === 'object' && field !== null ? counted(field as Record<string, unknown>, reads, `${prefix}${key}.`) : field;
      Object.defineProperty(copy, key, {
        get: () => (reads.set(`${prefix}${key}`, (reads.get(`${prefix}${key}`) ?? 0) + 1), inner),
        enumerable: true,
      });
    }
    return copy;
  }

  test.each([
    ['wire', wire],
    ['SDK', sdk],
  ] as const)('%s form: every field of valid input once, of invalid input twice (the fast path, then valibot)', (_, usage) => {
    for (const strict of [false, true]) {
      const reads = new Map<string, number>();
      parseImageUsage(counted(usage, reads), { strict });
      expect([...reads.values()].every((count) => count === 1)).toBe(true);
      expect(reads.size).toBe(6); // three counts, the input details and its two
    }
    // A strict failure whose shape is fine: the consistency check runs on the copy.
    const total = Object.keys(usage)[0]!;
    const inconsistent = new Map<string, number>();
    errorOf(counted({ ...usage, [total]: (usage[total as keyof typeof usage] as number) + 1 }, inconsistent), true);
    expect([...inconsistent.values()].every((count) => count === 1)).toBe(true);
    expect(inconsistent.size).toBe(6);
    const reads = new Map<string, number>();
    const key = Object.keys(usage)[0]!;
    errorOf(counted({ ...usage, [key]: 'x' }, reads));
    expect(Math.max(...reads.values())).toBeLessThanOrEqual(2);
    expect(reads.get(key)).toBe(2);
  });

  test('isImageUsage stops at the first field that fails', () => {
    const reads = new Map<string, number>();
    expect(isImageUsage(counted({ ...sdk, totalTokens: 'x' }, reads))).toBe(false);
    expect([...reads.keys()]).toStrictEqual(['totalTokens']);
  });
});
