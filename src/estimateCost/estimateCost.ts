import { _costOf } from '../_internal/_costOf.ts';
import type { ImageUsage } from '../types/index.ts';

/**
 * Prices per million tokens, in one currency unit of your choice (dollars,
 * say). No price table ships with the package: prices change
 * (`imagePricesFromGenaiPrices` reads the genai-prices catalog).
 *
 * @example
 * ```ts
 * // gpt-image-1.5's prices in the genai-prices catalog, in US dollars.
 * const prices: ImagePrices = {
 *   inputText: 5,
 *   inputImage: 8,
 *   outputText: 10,
 *   outputImage: 32,
 *   cachedInputText: 1.25,
 *   cachedInputImage: 2,
 * };
 * ```
 */
export interface ImagePrices {
  /** The price of a million text input tokens. */
  readonly inputText: number;
  /** The price of a million image input tokens. */
  readonly inputImage: number;
  /** The price of a million image output tokens. */
  readonly outputImage: number;
  /**
   * The price of a million text output tokens. Without it, every output
   * token is priced as image output (`undefined` counts as absent).
   */
  readonly outputText?: number | undefined;
  /**
   * The price of a million cached text input tokens. Without it, they cost
   * `inputText` (`undefined` counts as absent).
   */
  readonly cachedInputText?: number | undefined;
  /**
   * The price of a million cached image input tokens. Without it, they cost
   * `inputImage` (`undefined` counts as absent).
   */
  readonly cachedInputImage?: number | undefined;
}

/** Costs from this many currency units on cannot keep every millionth in a `number`. */
const MAX_COST = 2 ** 33;

/**
 * Estimates what a usage object costs, from prices per million tokens.
 * Input tokens are priced by `inputTokensDetails` (text and image), and the
 * cached part of them (`cachedTokens`) at the cached prices, split by
 * `cachedTokensDetails`, or all text (all image) when the input is all text
 * (all image): cached tokens of an input with both and no details are an
 * error, as their price would be a guess. Output tokens are priced by
 * `outputTokensDetails` when it is present and `prices.outputText` is given;
 * otherwise every output token counts as image output, so that leaving the
 * text price out never prices output at zero. The cost of a sum of usage
 * objects (`sumImageUsage`) is the sum of their costs.
 *
 * The arithmetic is exact: each count and each price is taken at the decimal
 * value it prints as (`String(1.25)` is `'1.25'`), multiplied and added as
 * integers, and the result is the `number` nearest that exact decimal, so
 * that it is exact to far below a millionth of the currency unit for any cost
 * under 2^33 (8,589,934,592) units, and never carries the error of adding
 * rounded products (`0.184805`, not `0.18480500000000002`).
 *
 * @param usage The usage object, in the SDK form; its sums must add up.
 * @param prices The prices per million tokens.
 *
 * @returns The cost, in the currency unit of the prices.
 *
 * @throws {TypeError} When `usage` is not a valid `ImageUsage`, or a price is
 * not a number, naming the field.
 * @throws {RangeError} When the usage does not add up (its cost would be
 * ambiguous), when its cached tokens cannot be split into text and image,
 * when a price is negative or not finite, or when the cost reaches 2^33
 * units.
 *
 * @example
 * ```ts
 * import { estimateCost } from 'image-usage';
 *
 * // Example prices per million tokens, not current ones.
 * estimateCost(
 *   {
 *     totalTokens: 4212,
 *     inputTokens: 52,
 *     outputTokens: 4160,
 *     inputTokensDetails: { textTokens: 52, imageTokens: 0 },
 *   },
 *   { inputText: 5, inputImage: 10, outputImage: 40 },
 * ); // 0.16666
 * ```
 */
export function estimateCost(usage: ImageUsage, prices: ImagePrices): number {
  const { digits, scale } = _costOf(usage, prices, 'estimateCost');
  if (digits >= BigInt(MAX_COST) * 1_000_000n * 10n ** BigInt(scale)) {
    throw new RangeError(`estimateCost: the cost reaches 2^33 (${MAX_COST}) currency units, past which a number cannot hold every millionth`);
  }
  // The number nearest the exact decimal: JavaScript reads a decimal to the nearest number.
  return Number(`${digits}e-${scale + 6}`);
}
