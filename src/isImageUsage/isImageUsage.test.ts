import { describe, expect, test } from 'vitest';
import { isImageUsage } from './isImageUsage.ts';

const usage = {
  totalTokens: 4212,
  inputTokens: 52,
  outputTokens: 4160,
  inputTokensDetails: { textTokens: 52, imageTokens: 0 },
};

describe('isImageUsage', () => {
  test('accepts the SDK form, with or without output details', () => {
    expect(isImageUsage(usage)).toBe(true);
    expect(isImageUsage({ ...usage, outputTokensDetails: { textTokens: 0, imageTokens: 4160 } })).toBe(true);
    expect(isImageUsage({ ...usage, outputTokensDetails: undefined })).toBe(true);
  });

  test('accepts fractions, zero and -0, and does not check the sums', () => {
    expect(isImageUsage({ ...usage, totalTokens: 0.5, inputTokens: -0 })).toBe(true);
  });

  test.each([
    ['null', null],
    ['a string', 'usage'],
    ['an empty object', {}],
    ['the wire form', { total_tokens: 1, input_tokens: 1, output_tokens: 0, input_tokens_details: { text_tokens: 1, image_tokens: 0 } }],
    ['a negative count', { ...usage, outputTokens: -1 }],
    ['NaN', { ...usage, totalTokens: Number.NaN }],
    ['Infinity', { ...usage, totalTokens: Number.POSITIVE_INFINITY }],
    ['a digit string', { ...usage, inputTokens: '52' }],
    ['a bigint', { ...usage, inputTokens: 52n }],
    ['a boxed number', { ...usage, inputTokens: Object(52) }],
    ['missing details', { ...usage, inputTokensDetails: undefined }],
    ['a bad detail', { ...usage, inputTokensDetails: { textTokens: 52 } }],
    ['null output details', { ...usage, outputTokensDetails: null }],
    ['a bad output detail', { ...usage, outputTokensDetails: { textTokens: 1, imageTokens: '2' } }],
  ])('rejects %s', (_, input) => {
    expect(isImageUsage(input)).toBe(false);
  });

  test('answers false, never throws, when a getter or proxy trap throws', () => {
    const getter = Object.defineProperty({ ...usage }, 'totalTokens', {
      get() {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(usage, {
      get() {
        throw new Error('boom');
      },
    });
    expect(isImageUsage(getter)).toBe(false);
    expect(isImageUsage(proxy)).toBe(false);
  });
});
