/**
 * Whether a value is a token count under the default rules: a finite number
 * that is not negative (fractions allowed). `-0` counts, `NaN` does not.
 *
 * @param value The value to check.
 *
 * @returns Whether it is a count.
 *
 * @internal
 */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value !== Infinity;
}

/**
 * Whether a value is a token count under the strict rules: a safe integer
 * that is not negative.
 *
 * @param value The value to check.
 *
 * @returns Whether it is a strict count.
 *
 * @internal
 */
export function isStrictCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
