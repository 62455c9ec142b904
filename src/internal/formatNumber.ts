/**
 * Formats a count for a message: integers exactly, fractions to 15
 * significant digits so that `1724.51 + 3577.08` reads `5301.59`.
 *
 * @param value The count.
 *
 * @returns The count as text.
 *
 * @internal
 */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}
