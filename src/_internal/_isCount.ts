/**
 * Whether a value is a count under the default rules: a finite number `>= 0`
 * (fractions allowed, `-0` too, not `NaN`). The rule is `_COUNT_CHECKS`
 * in `_shape.ts`, written out for speed; test/shape.test.ts ties the two.
 *
 * @param value The value to check.
 *
 * @returns Whether it is a count.
 */
export function _isCount(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value !== Infinity;
}

/**
 * Whether a value is a count under the strict rules: a safe integer `>= 0`
 * (`_STRICT_COUNT_CHECKS`, written out).
 *
 * @param value The value to check.
 *
 * @returns Whether it is a strict count.
 */
export function _isStrictCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
