import { expectTypeOf, test } from 'vitest';
import type { ImageUsage } from '../types/index.ts';
import { isImageUsage } from './isImageUsage.ts';

test('isImageUsage narrows unknown to ImageUsage', () => {
  const input: unknown = {};
  if (isImageUsage(input)) expectTypeOf(input).toEqualTypeOf<ImageUsage>();
  expectTypeOf(isImageUsage).parameter(0).toEqualTypeOf<unknown>();
});
