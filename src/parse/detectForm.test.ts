import { expect, test } from 'vitest';
import { detectForm } from './detectForm.ts';

test.each([
  [{ total_tokens: 1 }, 'wire'],
  [{ output_tokens_details: null }, 'wire'],
  [{ totalTokens: 1 }, 'sdk'],
  [{ total_tokens: 1, outputTokensDetails: {} }, 'mixed'],
  [{}, 'none'],
  [{ usage: {} }, 'none'],
  [null, 'value'],
  [42, 'value'],
  [Object.create({ totalTokens: 1 }), 'sdk'],
] as const)('detectForm(%j) is %s', (input, form) => {
  expect(detectForm(input)).toBe(form);
});
