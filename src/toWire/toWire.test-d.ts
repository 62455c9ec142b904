import { expectTypeOf, test } from 'vitest';
import type { ImageUsage, WireImageUsage } from '../types/index.ts';
import { toWire } from './toWire.ts';

test('toWire maps ImageUsage to WireImageUsage', () => {
  expectTypeOf(toWire).parameter(0).toEqualTypeOf<ImageUsage>();
  expectTypeOf(toWire).returns.toEqualTypeOf<WireImageUsage>();
});
