/**
 * An exact sum of doubles, as Shewchuk's expansions keep one: components that
 * do not overlap, in increasing magnitude, none zero (but a lone zero), whose
 * exact sum is the sum. Adding a count costs a few additions per component,
 * and the sums of counts have few (one to three for sums of tenths).
 */
export type _ExactSum = number[];

/**
 * Adds a double to an exact sum, exactly (Shewchuk's Grow-Expansion, with
 * zero elimination).
 *
 * @param sum The exact sum, changed in place.
 * @param value The double to add.
 */
export function _addExactly(sum: _ExactSum, value: number): void {
  let carry = value;
  let kept = 0;
  for (const part of sum) {
    // Knuth's two-sum: carry + part is exactly next + error.
    const next = carry + part;
    const rounded = next - carry;
    const error = carry - (next - rounded) + (part - rounded);
    carry = next;
    if (error !== 0) sum[kept++] = error;
  }
  sum[kept++] = carry;
  sum.length = kept;
}

/**
 * The double nearest an exact sum, to within one unit in the last place: its
 * components added from the smallest.
 *
 * @param sum The exact sum.
 *
 * @returns Its value.
 */
export function _valueOf(sum: _ExactSum): number {
  let value = 0;
  for (const part of sum) value += part;
  return value;
}

/**
 * Whether an exact sum is greater than a double, decided exactly: the sign of
 * their difference is the sign of its largest component.
 *
 * @param sum The exact sum.
 * @param limit The double.
 *
 * @returns Whether the sum is greater.
 */
export function _exceeds(sum: _ExactSum, limit: number): boolean {
  const difference = [...sum];
  _addExactly(difference, -limit);
  for (let at = difference.length - 1; at >= 0; at--) if (difference[at] !== 0) return difference[at]! > 0;
  return false;
}
