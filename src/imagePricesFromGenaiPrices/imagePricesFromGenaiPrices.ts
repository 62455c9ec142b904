import { _checkNumber } from '../_internal/_checkNumber.ts';
import { _describeValue } from '../_internal/_describeValue.ts';
import type { ImagePrices } from '../estimateCost/index.ts';

/**
 * A model price of `@pydantic/genai-prices` (`calcPrice(...).model_price`):
 * prices per million tokens by key, of which these seven are read (any other
 * price is refused: `ImagePrices` has no place for it).
 *
 * @example
 * ```ts
 * import type { GenaiPricesModelPrice } from 'image-usage';
 *
 * const gptImage1: GenaiPricesModelPrice = { input_mtok: 5, input_image_mtok: 10, output_mtok: 40 };
 * ```
 */
export interface GenaiPricesModelPrice {
  /** The price of a million input (text) tokens. */
  readonly input_mtok?: unknown;
  /** The price of a million input image tokens, when the model has one of its own. */
  readonly input_image_mtok?: unknown;
  /** The price of a million output (text) tokens. */
  readonly output_mtok?: unknown;
  /** The price of a million output image tokens, when the model has one of its own. */
  readonly output_image_mtok?: unknown;
  /** The price of a million cached input tokens, when the model has a cache price. */
  readonly cache_read_mtok?: unknown;
  /** The price of a million cached input text tokens, when the model has one of its own. */
  readonly cache_text_read_mtok?: unknown;
  /** The price of a million cached input image tokens, when the model has one of its own. */
  readonly cache_image_read_mtok?: unknown;
}

const WHO = 'imagePricesFromGenaiPrices';

/** Checks one flat price, or says what is wrong with it. */
function priceOf(key: keyof GenaiPricesModelPrice, value: unknown): number {
  if (typeof value === 'object' && value !== null && 'tiers' in value) {
    throw new TypeError(
      `${WHO}: ${key}: expected a flat price per million tokens, received a tiered one: pick the price of your tier and pass ImagePrices to estimateCost yourself`,
    );
  }
  return _checkNumber(`${WHO}: ${key}`, value);
}

/**
 * Turns a model price of `@pydantic/genai-prices` into the `ImagePrices` of
 * `estimateCost`, so that its catalog prices usage exactly. Text is priced by
 * `input_mtok` and `output_mtok`, images by `input_image_mtok` and
 * `output_image_mtok`, and by the text price where a model has no image price
 * of its own (`gpt-image-2`: `output_mtok` 30, no `output_image_mtok`).
 * Cached input is priced by `cache_text_read_mtok` (else `cache_read_mtok`)
 * and `cache_image_read_mtok` (else, for a model with no input image price of
 * its own, `cache_read_mtok`); a model with no cache price leaves them out,
 * and cached tokens then cost the fresh price, as in genai-prices. A price
 * per request, or per token of another kind (reasoning, tool-use), is
 * refused rather than left out of the cost; prices of what an `ImageUsage`
 * never holds (cache writes, audio, searches) are not read. The
 * package is not a dependency: this reads the plain object it gives.
 *
 * @param modelPrice The model price, from `calcPrice(usage, model, options).model_price`.
 *
 * @returns The prices per million tokens, in the catalog's currency (US dollars).
 *
 * @throws {TypeError} When `modelPrice` is not an object (for `null`, saying that
 * calcPrice gives it for a model the catalog does not know) or is a whole
 * `calcPrice` result (naming `.model_price`), or its text price is
 * missing, not a number, or tiered, or it has cached and input image prices
 * but no cached image price or a cached text or image price but no cache
 * price (genai-prices refuses those models too), or a price of another kind,
 * naming the key.
 * @throws {RangeError} When a price is negative, `NaN` or infinite.
 *
 * @example
 * ```ts
 * import { calcPrice } from '@pydantic/genai-prices';
 * import { estimateCost, imagePricesFromGenaiPrices } from 'image-usage';
 *
 * const { model_price } = calcPrice({}, 'gpt-image-2', { providerId: 'openai' })!;
 * estimateCost(usage, imagePricesFromGenaiPrices(model_price));
 * ```
 */
export function imagePricesFromGenaiPrices(modelPrice: GenaiPricesModelPrice): ImagePrices {
  if (typeof (modelPrice as unknown) !== 'object' || (modelPrice as unknown) === null) {
    // calcPrice gives null for a model its catalog does not know.
    const none = (modelPrice as unknown) === null ? " (calcPrice's answer for a model its catalog lacks: give ImagePrices of your own)" : '';
    throw new TypeError(`${WHO}: modelPrice: expected Object, received ${_describeValue(modelPrice)}${none}`);
  }
  if (!('input_mtok' in modelPrice) && 'model_price' in modelPrice) {
    throw new TypeError(`${WHO}: modelPrice: expected a model price, received a calcPrice result: pass its .model_price`);
  }
  const { input_mtok, input_image_mtok, output_mtok, output_image_mtok, cache_read_mtok, cache_text_read_mtok, cache_image_read_mtok } = modelPrice;
  const inputText = priceOf('input_mtok', input_mtok);
  const outputText = priceOf('output_mtok', output_mtok);
  const prices: { -readonly [key in keyof ImagePrices]: ImagePrices[key] } = {
    inputText,
    inputImage: input_image_mtok === undefined ? inputText : priceOf('input_image_mtok', input_image_mtok),
    outputText,
    outputImage: output_image_mtok === undefined ? outputText : priceOf('output_image_mtok', output_image_mtok),
  };
  // A price per request, or per token of a kind it does not read (reasoning, tool-use), would be
  // left out of the cost. Prices of what an ImageUsage never holds are not: cache writes (which
  // genai-prices too prices as input then), audio and video (refused as a usage), searches, code
  // runs, hours, pages.
  for (const key of Object.keys(modelPrice)) {
    if (READ.includes(key) || /write|audio|video/.test(key) || !(key === 'requests_kcount' || key.endsWith('_mtok'))) continue;
    const value: unknown = (modelPrice as Record<string, unknown>)[key];
    if (value !== undefined && value !== 0) {
      throw new TypeError(
        `${WHO}: ${key}: expected no price but the token prices of ImagePrices, received ${_describeValue(value)}: estimateCost would leave it out; price it apart and remove it from the model price`,
      );
    }
  }
  const cacheRead = cache_read_mtok === undefined ? undefined : priceOf('cache_read_mtok', cache_read_mtok);
  // genai-prices prices a cached text or image price only under a cache price for all cached tokens.
  if (cacheRead === undefined && (cache_text_read_mtok !== undefined || cache_image_read_mtok !== undefined)) {
    throw new TypeError(
      `${WHO}: cache_read_mtok: expected a price, as the model has ${cache_text_read_mtok === undefined ? 'cache_image_read_mtok' : 'cache_text_read_mtok'}, received undefined: genai-prices cannot price its cached tokens either`,
    );
  }
  if (cacheRead === undefined) return prices;
  prices.cachedInputText = cache_text_read_mtok === undefined ? cacheRead : priceOf('cache_text_read_mtok', cache_text_read_mtok);
  if (cache_image_read_mtok !== undefined) prices.cachedInputImage = priceOf('cache_image_read_mtok', cache_image_read_mtok);
  else if (input_image_mtok !== undefined) {
    throw new TypeError(
      `${WHO}: cache_image_read_mtok: expected a price, as the model has cache_read_mtok and input_image_mtok, received undefined: genai-prices cannot price its cached image tokens either`,
    );
  } else prices.cachedInputImage = cacheRead;
  return prices;
}

/** The keys read: every other price is refused. */
const READ: readonly string[] = [
  'input_mtok',
  'input_image_mtok',
  'output_mtok',
  'output_image_mtok',
  'cache_read_mtok',
  'cache_text_read_mtok',
  'cache_image_read_mtok',
];
