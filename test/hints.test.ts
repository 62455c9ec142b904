import { calcPrice } from '@pydantic/genai-prices';
import { describe, expect, test } from 'vitest';
import { estimateCost, exactCost, imagePricesFromGenaiPrices } from '../src/index.ts';
import { thrownBy } from './invariants.ts';
import { sdkUsage as usage } from './fixtures/samples.ts';

// The hints a newcomer needed (docs/genai-prices.md): each mistake with
// genai-prices is an error that says what to do instead.

const result = calcPrice({}, 'gpt-image-1.5', { providerId: 'openai' })!;

describe('genai-prices given where ImagePrices are wanted, or the other way', () => {
  test('a whole calcPrice result to imagePricesFromGenaiPrices names .model_price', () => {
    expect(thrownBy(() => imagePricesFromGenaiPrices(result as never))).toStrictEqual(
      new TypeError('imagePricesFromGenaiPrices: modelPrice: expected a model price, received a calcPrice result: pass its .model_price'),
    );
    expect(imagePricesFromGenaiPrices(result.model_price)).toMatchObject({ inputText: 5 });
  });

  test('the null calcPrice gives for a model its catalog does not know says so', () => {
    const unknown = calcPrice({}, 'gpt-image-9', { providerId: 'openai' });
    expect(unknown).toBeNull();
    expect(thrownBy(() => imagePricesFromGenaiPrices(unknown as never))).toStrictEqual(
      new TypeError(
        "imagePricesFromGenaiPrices: modelPrice: expected Object, received null (calcPrice's answer for a model its catalog lacks: give ImagePrices of your own)",
      ),
    );
    expect(thrownBy(() => imagePricesFromGenaiPrices(undefined as never))).toStrictEqual(new TypeError('imagePricesFromGenaiPrices: modelPrice: expected Object, received undefined'));
  });

  test.each([
    ['estimateCost', estimateCost],
    ['exactCost', exactCost],
  ] as const)('a model price, or a calcPrice result, to %s names imagePricesFromGenaiPrices', (who, price) => {
    expect(thrownBy(() => price(usage, result.model_price as never))).toStrictEqual(
      new TypeError(`${who}: prices: expected ImagePrices, received genai-prices' model price: pass it through imagePricesFromGenaiPrices`),
    );
    expect(thrownBy(() => price(usage, result as never))).toStrictEqual(
      new TypeError(`${who}: prices: expected ImagePrices, received genai-prices' calcPrice result: pass its .model_price through imagePricesFromGenaiPrices`),
    );
    // ImagePrices that happen to carry genai-prices' keys too are ImagePrices.
    expect(thrownBy(() => price(usage, { ...imagePricesFromGenaiPrices(result.model_price), input_mtok: 5 } as never))).toBeUndefined();
  });
});
