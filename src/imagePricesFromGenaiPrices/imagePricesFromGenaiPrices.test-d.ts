import type { ModelPrice } from '@pydantic/genai-prices';
import { expectTypeOf, test } from 'vitest';
import type { ImagePrices } from '../estimateCost/index.ts';
import { imagePricesFromGenaiPrices, type GenaiPricesModelPrice } from './imagePricesFromGenaiPrices.ts';

test("imagePricesFromGenaiPrices takes genai-prices' ModelPrice without a cast, and returns ImagePrices", () => {
  expectTypeOf<ModelPrice>().toExtend<GenaiPricesModelPrice>();
  expectTypeOf(imagePricesFromGenaiPrices).returns.toEqualTypeOf<ImagePrices>();
  expectTypeOf(imagePricesFromGenaiPrices).parameter(0).toEqualTypeOf<GenaiPricesModelPrice>();
  // @ts-expect-error: a model price is an object of prices, not a model name
  imagePricesFromGenaiPrices('gpt-image-1');
});
