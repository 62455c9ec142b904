/**
 * Which form a usage object is in, told apart by its keys: `'wire'` for
 * snake_case keys, `'sdk'` for camelCase ones, `'mixed'` for both, `'none'`
 * for an object with neither, `'value'` for something that is not an object.
 *
 * @internal
 */
export type UsageForm = 'wire' | 'sdk' | 'mixed' | 'none' | 'value';

/**
 * Tells the form of a usage object by which usage keys it has (own or
 * inherited, as valibot reads them).
 *
 * @param input The value to look at.
 *
 * @returns Its form.
 *
 * @internal
 */
export function detectForm(input: unknown): UsageForm {
  if (typeof input !== 'object' || input === null) return 'value';
  const wire =
    'total_tokens' in input ||
    'input_tokens' in input ||
    'output_tokens' in input ||
    'input_tokens_details' in input ||
    'output_tokens_details' in input;
  const sdk =
    'totalTokens' in input ||
    'inputTokens' in input ||
    'outputTokens' in input ||
    'inputTokensDetails' in input ||
    'outputTokensDetails' in input;
  if (wire) return sdk ? 'mixed' : 'wire';
  return sdk ? 'sdk' : 'none';
}
