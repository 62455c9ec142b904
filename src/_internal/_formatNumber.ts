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

/**
 * Formats the two figures of a broken rule, a sum of parts and the figure it
 * should equal, so that they never read the same and the sum is the true one:
 * both to 15 digits, or in full where those would read the same; and the sum
 * of safe integers exactly, where a number would round it (past 2^53).
 * Without parts, the sum is written as a number.
 *
 * @param parts The parts.
 * @param sum Their sum, as a number.
 * @param received The figure.
 *
 * @returns The sum and the figure, as text.
 */
export function _formatFigures(parts: readonly number[], sum: number, received: number): [sum: string, received: string] {
  const exact = _formatNumber(sum) === _formatNumber(received);
  const whole = parts.length > 0 && parts.every(Number.isSafeInteger) && !Number.isSafeInteger(sum);
  return [whole ? String(parts.reduce((total, part) => total + BigInt(part), 0n)) : _formatNumber(sum, exact), _formatNumber(received, exact)];
}
