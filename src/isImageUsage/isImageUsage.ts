import type { ImageUsage } from '../types/index.ts';
import { isCount } from './isCount.ts';

/**
 * Whether a value is an SDK-form usage object under the default rules, the
 * fields read in order and only until one fails, allocating nothing.
 * `isImageUsage` is this function made safe; the fast paths of the schemas
 * run it on their own copies, which are plain data.
 *
 * @param input The value to check.
 *
 * @returns Whether it is a valid {@link ImageUsage}. It throws what a
 * throwing getter or proxy trap throws.
 *
 * @internal
 */
export function matchesImageUsage(input: unknown): input is ImageUsage {
  if (typeof input !== 'object' || input === null) return false;
  const usage = input as Record<string, Record<string, unknown> | undefined>;
  if (!isCount(usage.totalTokens) || !isCount(usage.inputTokens) || !isCount(usage.outputTokens)) return false;
  // The two details checks are written out rather than shared: about 5% faster
  // in the benchmark (npm run bench -- --filter="hand-written guard,isImage").
  const inputDetails = usage.inputTokensDetails;
  if (typeof inputDetails !== 'object' || inputDetails === null) return false;
  if (!isCount(inputDetails.textTokens) || !isCount(inputDetails.imageTokens)) return false;
  const outputDetails = usage.outputTokensDetails;
  if (outputDetails === undefined) return true;
  if (typeof outputDetails !== 'object' || outputDetails === null) return false;
  return isCount(outputDetails.textTokens) && isCount(outputDetails.imageTokens);
}

/** Whether a value is a details object of two counts. @internal */
function isTokensDetails(details: unknown): boolean {
  return (
    typeof details === 'object' &&
    details !== null &&
    isCount((details as Record<string, unknown>).textTokens) &&
    isCount((details as Record<string, unknown>).imageTokens)
  );
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
    return matchesImageUsage(input);
  } catch {
    return false;
  }
}
