import { _CACHED_DETAILS, _COUNTS, _countPaths, _OUTPUT_DETAILS, _SDK } from '../_shape.ts';
import type { ImagePrices } from '../estimateCost/index.ts';
import type { ImageUsage } from '../types/index.ts';
import { _DEFAULT_TOLERANCE, _findBrokenRules, _ruleTexts } from './_brokenRules.ts';
import { _checkNumber } from './_checkNumber.ts';
import { _addDecimals, type _Decimal, _toDecimal } from './_decimal.ts';
import { _describeValue } from './_describeValue.ts';
import { _readUsage } from './_readUsage.ts';

const PATHS = /* @__PURE__ */ _countPaths(_SDK);

/** Whether two decimals are equal. */
function equal(a: _Decimal, b: _Decimal): boolean {
  const scale = Math.max(a.scale, b.scale);
  return a.digits * 10n ** BigInt(scale - a.scale) === b.digits * 10n ** BigInt(scale - b.scale);
}

/**
 * The exact cost of a usage object, in millionths of the prices' currency
 * unit: fresh input text and image at their prices, cached input at the
 * cached prices (the fresh ones when absent), output by its details with
 * `outputText`, or all as image output.
 *
 * @param usage The usage object.
 * @param prices The prices per million tokens.
 * @param who Who is asking, for messages (`'estimateCost'`).
 *
 * @returns The cost, times a million.
 *
 * @throws {TypeError} When the usage or a price is not valid, naming the field.
 * @throws {RangeError} When the usage does not add up, its cached tokens
 * cannot be split without a guess, or a price is negative or not finite.
 */
export function _costOf(usage: ImageUsage, prices: ImagePrices, who: string): _Decimal {
  const counts = new Float64Array(_COUNTS);
  const present = _readUsage(usage, counts, `${who}: usage`);
  const [broken] = _findBrokenRules(counts, present, _DEFAULT_TOLERANCE);
  if (broken !== undefined) {
    const { expected, received } = _ruleTexts(broken, PATHS);
    throw new RangeError(`${who}: usage does not add up, so its cost is ambiguous: ${PATHS[broken.reported]!}: expected ${expected}, received ${received}`);
  }
  if (typeof (prices as unknown) !== 'object' || (prices as unknown) === null) {
    throw new TypeError(`${who}: prices: expected Object, received ${_describeValue(prices)}`);
  }
  // genai-prices' model price (or its calcPrice result) in place of ImagePrices: say what turns it into one.
  if (!('inputText' in prices) && ('input_mtok' in prices || 'model_price' in prices)) {
    const what = 'input_mtok' in prices ? 'model price: pass it' : 'calcPrice result: pass its .model_price';
    throw new TypeError(`${who}: prices: expected ImagePrices, received genai-prices' ${what} through imagePricesFromGenaiPrices`);
  }
  // Each price read once; an optional one may be absent (or `undefined`).
  const price = (name: keyof ImagePrices, optional: boolean): number | undefined => {
    const value: unknown = prices[name];
    return value === undefined && optional ? undefined : _checkNumber(`${who}: prices.${name}`, value);
  };
  const inputText = price('inputText', false)!;
  const inputImage = price('inputImage', false)!;
  const outputImage = price('outputImage', false)!;
  const outputText = price('outputText', true);
  const cachedInputText = price('cachedInputText', true) ?? inputText;
  const cachedInputImage = price('cachedInputImage', true) ?? inputImage;

  // The cached tokens by kind: from their details, or all of the one kind the input has.
  const [, , output, text, image, outText, outImage, cached] = counts;
  let cachedText = counts[8]!;
  let cachedImage = counts[9]!;
  if (!(present & _CACHED_DETAILS) && cached! > 0) {
    // Where text and image have the same cache discount, any split costs the same.
    const sameDiscount = equal(_addDecimals([_toDecimal(cachedInputText), _toDecimal(inputImage)]), _addDecimals([_toDecimal(cachedInputImage), _toDecimal(inputText)]));
    // Never more than there is of a kind (fractions within the tolerance of the rules can be a hair over).
    if (image === 0) cachedText = Math.min(cached!, text!);
    else if (text === 0) cachedImage = Math.min(cached!, image!);
    else if (sameDiscount) {
      cachedText = Math.min(cached!, text!);
      cachedImage = Math.min(cached! - cachedText, image!);
    } else {
      throw new RangeError(
        `${who}: usage.cachedTokens cannot be priced without a guess: the input has text and image tokens, no cachedTokensDetails says which were cached, and the cache discounts of text and image differ`,
      );
    }
  }
  // count × price per million tokens, signed: cached tokens come out of the fresh ones.
  const terms: [count: number, price: number, sign: bigint][] = [
    [text!, inputText, 1n],
    [cachedText, inputText, -1n],
    [cachedText, cachedInputText, 1n],
    [image!, inputImage, 1n],
    [cachedImage, inputImage, -1n],
    [cachedImage, cachedInputImage, 1n],
  ];
  if (present & _OUTPUT_DETAILS && outputText !== undefined) {
    terms.push([outText!, outputText, 1n], [outImage!, outputImage, 1n]);
  } else {
    terms.push([output!, outputImage, 1n]);
  }
  return _addDecimals(
    terms.map(([count, perMillion, sign]) => {
      const a = _toDecimal(count);
      const b = _toDecimal(perMillion);
      return { digits: sign * a.digits * b.digits, scale: a.scale + b.scale };
    }),
  );
}
