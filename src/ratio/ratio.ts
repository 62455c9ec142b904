import { _checkNumber } from '../_internal/_checkNumber.ts';

/**
 * Divides a part by a whole, for shares such as image tokens per output
 * token: `part / whole`, and `0` when the whole is `0`.
 *
 * @param part The part.
 * @param whole The whole.
 *
 * @returns The ratio.
 *
 * @throws {TypeError} When either is not a number.
 * @throws {RangeError} When either is negative, `NaN` or not finite.
 *
 * @example
 * ```ts
 * import { ratio } from 'image-usage';
 *
 * ratio(usage.inputTokensDetails.imageTokens, usage.inputTokens); // 0.25
 * ratio(0, 0); // 0
 * ```
 */
export function ratio(part: number, whole: number): number {
  _checkNumber('ratio: part', part);
  _checkNumber('ratio: whole', whole);
  return whole === 0 ? 0 : part / whole;
}
