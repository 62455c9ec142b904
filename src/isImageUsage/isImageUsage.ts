import { _matchesImageUsage } from '../_internal/_matchesImageUsage.ts';
import type { ImageUsage } from '../types/index.ts';

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
    return _matchesImageUsage(input);
  } catch {
    return false;
  }
}
