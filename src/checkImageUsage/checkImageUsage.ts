import { _COUNTS, _countPaths, _SDK } from '../_shape.ts';
import { _findBrokenRules, _ruleTexts, _tolerance } from '../_internal/_brokenRules.ts';
import { _readUsage } from '../_internal/_readUsage.ts';
import type { ImageUsage, Inconsistency } from '../types/index.ts';

/**
 * Options for {@link checkImageUsage} and `consistentImageUsage`.
 *
 * @example
 * ```ts
 * import { checkImageUsage } from 'image-usage';
 *
 * checkImageUsage(usage, { tolerance: 1e-6 });
 * ```
 */
export interface CheckImageUsageOptions {
  /**
   * The relative tolerance for counts that are not safe integers (default
   * `1e-9`, so `0.1 + 0.2` matches `0.3`). Safe integers always compare
   * exactly.
   */
  readonly tolerance?: number | undefined;
}

const PATHS = /* @__PURE__ */ _countPaths(_SDK);

/**
 * Checks that the counts of a usage object add up: total = input + output;
 * input = text + image; output = text + image when `outputTokensDetails` is
 * present; cached = cached text + cached image when `cachedTokensDetails` is
 * present; and no cached count passes its input count (cached <= input,
 * cached text <= input text, cached image <= input image). `expected` is the
 * sum of the parts (for a cached rule, the count it may not pass), `received`
 * the reported figure.
 *
 * @param usage The usage object, in the SDK form.
 * @param options The tolerance for counts that are not safe integers.
 *
 * @returns The broken rules; empty when the usage is consistent.
 *
 * @throws {TypeError} When `usage` is not a valid `ImageUsage`, naming the
 * field (or saying it is in the wire form, for `parseImageUsage` to convert).
 * @throws {RangeError} When the tolerance is negative or not finite.
 *
 * @example
 * ```ts
 * import { checkImageUsage } from 'image-usage';
 *
 * checkImageUsage({
 *   totalTokens: 5343.23,
 *   inputTokens: 1724.51,
 *   outputTokens: 3577.08,
 *   inputTokensDetails: { textTokens: 8380.62, imageTokens: 553.63 },
 * }).map((found) => found.rule); // ['total', 'input']
 * ```
 */
export function checkImageUsage(usage: ImageUsage, options?: CheckImageUsageOptions): readonly Inconsistency[] {
  const counts = new Float64Array(_COUNTS);
  const present = _readUsage(usage, counts, 'checkImageUsage: usage');
  return _findBrokenRules(counts, present, _tolerance(options, 'checkImageUsage')).map((broken) => {
    const { expected, received } = _ruleTexts(broken, PATHS);
    return {
      rule: broken.rule,
      expected: broken.expected,
      received: broken.received,
      message: `${PATHS[broken.reported]!}: expected ${expected}, received ${received}`,
    };
  });
}
