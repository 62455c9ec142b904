import { expectTypeOf, test } from 'vitest';
import type { ImageUsage } from '../types/index.ts';
import { sumImageUsage } from './sumImageUsage.ts';

test('sumImageUsage takes any iterable of ImageUsage', () => {
  expectTypeOf(sumImageUsage).parameter(0).toEqualTypeOf<Iterable<ImageUsage>>();
  expectTypeOf(sumImageUsage).returns.toEqualTypeOf<ImageUsage>();
  // @ts-expect-error: wire-form objects must be parsed first
  sumImageUsage([{ total_tokens: 1 }]);
});
