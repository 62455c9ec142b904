import { expectTypeOf, test } from 'vitest';
import type { ImageUsage, WireImageUsage, WireTokensDetails } from '../types/index.ts';
import { toWire, type ToWireResult } from './toWire.ts';

test('toWire maps ImageUsage to a WireImageUsage whose details are never null', () => {
  expectTypeOf(toWire).parameter(0).toEqualTypeOf<ImageUsage>();
  expectTypeOf(toWire).returns.toEqualTypeOf<ToWireResult>();
  expectTypeOf<ToWireResult>().toExtend<WireImageUsage>();
  expectTypeOf<ToWireResult['output_tokens_details']>().toEqualTypeOf<WireTokensDetails | undefined>();
  expectTypeOf<null>().not.toExtend<ToWireResult['output_tokens_details']>();
  expectTypeOf<null>().not.toExtend<ToWireResult['cached_tokens_details']>();
});
