import { describe, expect, test } from 'vitest';
import { imagePricesFromGenaiPrices, type GenaiPricesModelPrice } from './imagePricesFromGenaiPrices.ts';

// The plain objects genai-prices' `calcPrice(...).model_price` hands over; test/genai-prices.test.ts
// runs the function on the real catalog.
const KEYS = ['input_mtok', 'input_image_mtok', 'output_mtok', 'output_image_mtok', 'cache_read_mtok', 'cache_text_read_mtok', 'cache_image_read_mtok'] as const;
const full = { input_mtok: 5, input_image_mtok: 8, output_mtok: 10, output_image_mtok: 40, cache_read_mtok: 1.25, cache_text_read_mtok: 1, cache_image_read_mtok: 2 };
const tiered = { base: 1.25, tiers: [{ start: 200_000, price: 2.5 }] };

describe('imagePricesFromGenaiPrices', () => {
  test('maps each price per million tokens to its ImagePrices field', () => {
    expect(imagePricesFromGenaiPrices(full)).toStrictEqual({
      inputText: 5,
      inputImage: 8,
      outputText: 10,
      outputImage: 40,
      cachedInputText: 1,
      cachedInputImage: 2,
    });
  });

  test('takes the text price as the image price where a model has none (gpt-image-2: output_mtok 30)', () => {
    expect(imagePricesFromGenaiPrices({ input_mtok: 5, output_mtok: 30 })).toStrictEqual({
      inputText: 5,
      inputImage: 5,
      outputText: 30,
      outputImage: 30,
    });
  });

  test('prices cached text by cache_read_mtok where the model has no cache_text_read_mtok (gpt-image-1.5)', () => {
    const { cache_text_read_mtok: _, ...gptImage15 } = full;
    expect(imagePricesFromGenaiPrices(gptImage15)).toMatchObject({ cachedInputText: 1.25, cachedInputImage: 2 });
  });

  test('prices cached images as cached text where the model has no image prices of its own', () => {
    expect(imagePricesFromGenaiPrices({ input_mtok: 5, output_mtok: 30, cache_read_mtok: 0.5 })).toStrictEqual({
      inputText: 5,
      inputImage: 5,
      outputText: 30,
      outputImage: 30,
      cachedInputText: 0.5,
      cachedInputImage: 0.5,
    });
  });

  test('leaves the cached prices out where the model has none (Gemini image models), so cached tokens cost the fresh price', () => {
    const prices = imagePricesFromGenaiPrices({ input_mtok: 0.3, output_mtok: 2.5, output_image_mtok: 30 });
    expect(Object.keys(prices).sort()).toStrictEqual(['inputImage', 'inputText', 'outputImage', 'outputText']);
  });

  test('refuses a price of any other kind, which estimateCost would leave out of the cost, naming it', () => {
    for (const [key, value, received] of [
      ['requests_kcount', 40, '40'],
      ['output_reasoning_mtok', 12, '12'],
      ['input_tool_mtok', { base: 1, tiers: [] }, 'Object'],
      ['output_text_mtok', '3', '"3"'],
    ] as const) {
      expect(() => imagePricesFromGenaiPrices({ input_mtok: 5, output_mtok: 40, [key]: value } as GenaiPricesModelPrice)).toThrow(
        new TypeError(
          `imagePricesFromGenaiPrices: ${key}: expected no price but the token prices of ImagePrices, received ${received}: estimateCost would leave it out; price it apart and remove it from the model price`,
        ),
      );
    }
  });

  test('leaves out the prices of what an ImageUsage never holds: cache writes, audio, searches', () => {
    const modelPrice = { input_mtok: 5, output_mtok: 40, cache_write_mtok: 6.25, cache_text_write_1h_mtok: 10, input_audio_mtok: 1, web_searches_kcount: 10 };
    expect(imagePricesFromGenaiPrices(modelPrice)).toStrictEqual({
      inputText: 5,
      inputImage: 5,
      outputText: 40,
      outputImage: 40,
    });
  });

  test('refuses a cached text or image price without a price for all cached tokens, as genai-prices does', () => {
    for (const key of ['cache_text_read_mtok', 'cache_image_read_mtok'] as const) {
      expect(() => imagePricesFromGenaiPrices({ input_mtok: 5, input_image_mtok: 10, output_mtok: 40, [key]: 1.25 })).toThrow(
        new TypeError(`imagePricesFromGenaiPrices: cache_read_mtok: expected a price, as the model has ${key}, received undefined: genai-prices cannot price its cached tokens either`),
      );
    }
    // Without an image price of its own, cached images cost the price of all cached tokens, not the cached text one.
    expect(imagePricesFromGenaiPrices({ input_mtok: 5, output_mtok: 40, cache_read_mtok: 1, cache_text_read_mtok: 0.5 })).toMatchObject({
      cachedInputText: 0.5,
      cachedInputImage: 1,
    });
  });

  test('refuses cached and input image prices without a cached image price, as genai-prices does', () => {
    const { cache_image_read_mtok: _, ...missing } = full;
    expect(() => imagePricesFromGenaiPrices(missing)).toThrow(
      new TypeError(
        'imagePricesFromGenaiPrices: cache_image_read_mtok: expected a price, as the model has cache_read_mtok and input_image_mtok, received undefined: genai-prices cannot price its cached image tokens either',
      ),
    );
  });

  test('refuses a missing text price, naming it', () => {
    for (const key of ['input_mtok', 'output_mtok'] as const) {
      const { [key]: _, ...missing } = full;
      expect(() => imagePricesFromGenaiPrices(missing)).toThrow(
        new TypeError(`imagePricesFromGenaiPrices: ${key}: expected number, received undefined`),
      );
    }
  });

  test('refuses a tiered price under every key, saying what to do', () => {
    for (const key of KEYS) {
      expect(() => imagePricesFromGenaiPrices({ ...full, [key]: tiered })).toThrow(
        new TypeError(
          `imagePricesFromGenaiPrices: ${key}: expected a flat price per million tokens, received a tiered one: pick the price of your tier and pass ImagePrices to estimateCost yourself`,
        ),
      );
    }
  });

  test('refuses a price that is not a number >= 0 under every key: a TypeError for the kind, a RangeError for the value', () => {
    const wrongKind: [unknown, string][] = [[null, 'null'], ['5', '"5"'], [5n, '5n'], [{}, 'Object'], [[5], 'Array'], [() => 5, 'Function']];
    const wrongValue: [number, string, string][] = [[-1, '>=0', '-1'], [Number.NaN, 'number', 'NaN'], [Infinity, 'a finite number', 'Infinity']];
    for (const key of KEYS) {
      for (const [value, received] of wrongKind) {
        expect(() => imagePricesFromGenaiPrices({ ...full, [key]: value })).toThrow(
          new TypeError(`imagePricesFromGenaiPrices: ${key}: expected number, received ${received}`),
        );
      }
      for (const [value, expected, received] of wrongValue) {
        const run = () => imagePricesFromGenaiPrices({ ...full, [key]: value });
        expect(run).toThrow(RangeError);
        expect(run).toThrow(`imagePricesFromGenaiPrices: ${key}: expected ${expected}, received ${received}`);
      }
    }
  });

  test('refuses a model price that is not an object, for every kind of value', () => {
    const unknownModel = "null (calcPrice's answer for a model its catalog lacks: give ImagePrices of your own)";
    const values: [unknown, string][] = [[undefined, 'undefined'], [null, unknownModel], [40, '40'], ['gpt-image-1', '"gpt-image-1"'], [() => full, 'Function']];
    for (const [value, received] of values) {
      expect(() => imagePricesFromGenaiPrices(value as GenaiPricesModelPrice)).toThrow(
        new TypeError(`imagePricesFromGenaiPrices: modelPrice: expected Object, received ${received}`),
      );
    }
  });

  test('reads each price once, writes nothing, and keeps no reference to what it was given', () => {
    const reads: PropertyKey[] = [];
    const traps: string[] = [];
    // A price of another kind that is 0 costs nothing, and is read once like the rest.
    const source = { ...full, other_mtok: 0 };
    const logged = new Proxy(source, {
      get: (target, key, receiver) => (reads.push(key), Reflect.get(target, key, receiver)),
      set: () => (traps.push('set'), false),
      defineProperty: () => (traps.push('defineProperty'), false),
      deleteProperty: () => (traps.push('deleteProperty'), false),
    });
    const prices = imagePricesFromGenaiPrices(logged);
    expect([...reads].sort()).toStrictEqual([...KEYS, 'other_mtok'].sort());
    expect(traps).toStrictEqual([]);
    expect(source).toStrictEqual({ ...full, other_mtok: 0 });
    source.input_mtok = 99;
    expect(prices.inputText).toBe(5);
  });
});
