import { _countPaths, _SDK } from '../_shape.ts';
import { _DEFAULT_TOLERANCE, _findBrokenRules, _ruleTexts } from '../_internal/_brokenRules.ts';
import { _checkNumber } from '../_internal/_checkNumber.ts';
import { _describeValue } from '../_internal/_describeValue.ts';
import { _readUsage } from '../_internal/_readUsage.ts';
import type { ImageUsage } from '../types/index.ts';

/**
 * Prices per million tokens, in one currency unit of your choice (dollars,
 * say). No price table ships with the package: prices change.
 *
 * @example
 * ```ts
 * // Example figures only: look up the current prices of your model.
 * const prices: ImagePrices = { inputText: 5, inputImage: 10, outputImage: 40 };
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
}

/** Costs from this many currency units on cannot keep every millionth in a `number`. */
const MAX_COST = 2 ** 33;

/** A decimal number: `digits / 10 ** scale`. */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

/**
 * Estimates what a usage object costs, from prices per million tokens.
 * Input tokens are priced by `inputTokensDetails` (text and image). Output
 * tokens are priced by `outputTokensDetails` when it is present and
 * `prices.outputText` is given; otherwise every output token counts as image
 * output, so that leaving the text price out never prices output at zero.
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
 * ambiguous), when a price is negative or not finite, or when the cost
 * reaches 2^33 units.
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
  const counts = new Float64Array(7);
  const hasOutputDetails = _readUsage(usage, counts, 'estimateCost: usage');
  const [broken] = _findBrokenRules(counts, hasOutputDetails, _DEFAULT_TOLERANCE);
  if (broken !== undefined) {
    const paths = _countPaths(_SDK);
    const { expected, received } = _ruleTexts(broken, paths);
    throw new RangeError(
      `estimateCost: usage does not add up, so its cost is ambiguous: ${paths[broken.reported]!}: expected ${expected}, received ${received}`,
    );
  }
  if (typeof (prices as unknown) !== 'object' || (prices as unknown) === null) {
    throw new TypeError(`estimateCost: prices: expected Object, received ${_describeValue(prices)}`);
  }
  const inputText = readPrice(prices, 'inputText', false)!;
  const inputImage = readPrice(prices, 'inputImage', false)!;
  const outputImage = readPrice(prices, 'outputImage', false)!;
  const outputText = readPrice(prices, 'outputText', true);

  // The counts as _readUsage stored them (in count order): read once.
  const terms: Array<[count: number, price: number]> = [
    [counts[3]!, inputText],
    [counts[4]!, inputImage],
  ];
  if (hasOutputDetails && outputText !== undefined) {
    terms.push([counts[5]!, outputText], [counts[6]!, outputImage]);
  } else {
    terms.push([counts[2]!, outputImage]);
  }

  // count × price per million tokens = cost in millionths of the unit, exactly.
  const products = terms.map(([count, price]) => {
    const a = toDecimal(count);
    const b = toDecimal(price);
    return { digits: a.digits * b.digits, scale: a.scale + b.scale };
  });
  const scale = Math.max(...products.map((product) => product.scale));
  let sum = 0n;
  for (const product of products) sum += product.digits * 10n ** BigInt(scale - product.scale);
  if (sum >= BigInt(MAX_COST) * 1_000_000n * 10n ** BigInt(scale)) {
    throw new RangeError(
      `estimateCost: the cost reaches 2^33 (${MAX_COST}) currency units, past which a number cannot hold every millionth`,
    );
  }
  // The number nearest the exact decimal: JavaScript reads a decimal to the nearest number.
  return Number(`${sum}e-${scale + 6}`);
}

/** Reads and checks one price. */
function readPrice(prices: ImagePrices, name: keyof ImagePrices, optional: boolean): number | undefined {
  const value: unknown = prices[name];
  return value === undefined && optional ? undefined : _checkNumber(`estimateCost: prices.${name}`, value);
}

/** The decimal value a finite number `>= 0` prints as, exactly. */
function toDecimal(value: number): Decimal {
  const [, whole, fraction = '', exponent = '0'] = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value))!;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole! + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}
