/**
 * Formats a count for a message: integers exactly, fractions to 15
 * significant digits, so that `1724.51 + 3577.08` reads `5301.59`.
 *
 * @param value The count.
 * @param exact Whether to write every digit a `number` needs to be told apart
 * (for two figures that would otherwise read the same).
 *
 * @returns The count as text.
 */
export function _formatNumber(value: number, exact = false): string {
  return exact || Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}
