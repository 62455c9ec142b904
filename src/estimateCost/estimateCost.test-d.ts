import { expectTypeOf, test } from 'vitest';
import type { ImageUsage } from '../types/index.ts';
import { estimateCost, type ImagePrices } from './estimateCost.ts';

test('estimateCost takes an ImageUsage and prices per million tokens, and returns a number', () => {
  expectTypeOf(estimateCost).parameter(0).toEqualTypeOf<ImageUsage>();
  expectTypeOf(estimateCost).parameter(1).toEqualTypeOf<ImagePrices>();
  expectTypeOf(estimateCost).returns.toEqualTypeOf<number>();
  expectTypeOf<ImagePrices>().toEqualTypeOf<{
    readonly inputText: number;
    readonly inputImage: number;
    readonly outputImage: number;
    readonly outputText?: number | undefined;
    readonly cachedInputText?: number | undefined;
    readonly cachedInputImage?: number | undefined;
  }>();
  const usage: ImageUsage = { totalTokens: 1, inputTokens: 1, outputTokens: 0, inputTokensDetails: { textTokens: 1, imageTokens: 0 } };
  // @ts-expect-error: outputImage is required
  estimateCost(usage, { inputText: 5, inputImage: 10 });
  // @ts-expect-error: wire-form objects must be parsed first
  estimateCost({ total_tokens: 1 }, { inputText: 5, inputImage: 10, outputImage: 40 });
});
