import { _costOf } from '../_internal/_costOf.ts';
import { _formatDecimal } from '../_internal/_decimal.ts';
import type { ImagePrices } from '../estimateCost/index.ts';
import type { ImageUsage } from '../types/index.ts';

/**
 * What a usage object costs, as the exact decimal, written in full
 * (`'0.004625'`): `estimateCost` by the same rules, before it is rounded to
 * a `number`. For a bill, add these with `addCosts`, never as numbers, and
 * round once, when printing.
 *
 * @param usage The usage object, in the SDK form; its sums must add up.
 * @param prices The prices per million tokens.
 *
 * @returns The cost, in the currency unit of the prices, as a decimal string.
 *
 * @throws {TypeError} When `usage` is not a valid `ImageUsage`, or a price is
 * not a number, naming the field.
 * @throws {RangeError} When the usage does not add up, when its cached tokens
 * cannot be split into text and image, or when a price is negative or not
 * finite.
 *
 * @example
 * ```ts
 * import { exactCost } from 'image-usage';
 *
 * exactCost(
 *   {
 *     totalTokens: 1000,
 *     inputTokens: 1000,
 *     outputTokens: 0,
 *     inputTokensDetails: { textTokens: 400, imageTokens: 600 },
 *     cachedTokens: 400,
 *     cachedTokensDetails: { cachedTextTokens: 100, cachedImageTokens: 300 },
 *   },
 *   { inputText: 5, inputImage: 8, outputImage: 32, cachedInputText: 1.25, cachedInputImage: 2 },
 * ); // '0.004625'
 * ```
 */
export function exactCost(usage: ImageUsage, prices: ImagePrices): string {
  const { digits, scale } = _costOf(usage, prices, 'exactCost');
  return _formatDecimal({ digits, scale: scale + 6 });
}
