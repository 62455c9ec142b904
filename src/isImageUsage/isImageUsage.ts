import type { ImageUsage } from '../types/index.ts';
import { isCount } from './isCount.ts';

/**
 * Finds the first field of an SDK-form usage object that breaks the default
 * rules, without allocating. `isImageUsage` is this function answering
 * `undefined`; the helpers that take an `ImageUsage` use it to name the field.
 *
 * @param input The value to check.
 *
 * @returns The dot path of the first bad field, `''` when the value itself is
 * not an object, or `undefined` when it is a valid {@link ImageUsage}. It
 * throws what a throwing getter or proxy trap throws.
 *
 * @internal
 */
export function findInvalidField(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return '';
  const usage = input as Record<string, Record<string, unknown> | undefined>;
  if (!isCount(usage.totalTokens)) return 'totalTokens';
  if (!isCount(usage.inputTokens)) return 'inputTokens';
  if (!isCount(usage.outputTokens)) return 'outputTokens';
  const inputDetails = usage.inputTokensDetails;
  if (typeof inputDetails !== 'object' || inputDetails === null) return 'inputTokensDetails';
  if (!isCount(inputDetails.textTokens)) return 'inputTokensDetails.textTokens';
  if (!isCount(inputDetails.imageTokens)) return 'inputTokensDetails.imageTokens';
  const outputDetails = usage.outputTokensDetails;
  if (outputDetails === undefined) return undefined;
  if (typeof outputDetails !== 'object' || outputDetails === null) return 'outputTokensDetails';
  if (!isCount(outputDetails.textTokens)) return 'outputTokensDetails.textTokens';
  if (!isCount(outputDetails.imageTokens)) return 'outputTokensDetails.imageTokens';
  return undefined;
}

/**
 * Checks whether a value is a usage object in the SDK's camelCase form under
 * the default rules: every count a finite number `>= 0`, `inputTokensDetails`
 * present, `outputTokensDetails` absent, `undefined` or valid (`null` is the
 * wire form's way of saying absent, not the SDK's). It does not check that
 * the counts add up (see `checkImageUsage`), allocates nothing, and never
 * throws: a value whose getters or proxy traps throw is not a usage object.
 *
 * @param input The value to check.
 *
 * @returns Whether the value is an {@link ImageUsage}.
 *
 * @example
 * ```ts
 * import { isImageUsage } from 'image-usage';
 *
 * const usage: unknown = response.usage;
 * if (isImageUsage(usage)) console.log(usage.totalTokens);
 * ```
 */
export function isImageUsage(input: unknown): input is ImageUsage {
  try {
    return findInvalidField(input) === undefined;
  } catch {
    return false;
  }
}
