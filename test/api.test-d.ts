import { expectTypeOf, test } from 'vitest';
import type {
  CheckImageUsageOptions,
  checkImageUsage,
  ConsistentImageUsageAction,
  ConsistentImageUsageOptions,
  consistentImageUsage,
  estimateCost,
  ImagePrices,
  ImageUsage,
  Inconsistency,
  isImageUsage,
  ImageResponse,
  ParseImageResponseOptions,
  ParseImageUsageOptions,
  parseImageResponse,
  parseImageUsage,
  ratio,
  SafeParseImageResponseResult,
  SafeParseImageUsageResult,
  safeParseImageResponse,
  safeParseImageUsage,
  sumImageUsage,
  toWire,
  ToWireResult,
} from '../src/index.ts';

// The signatures the README's API reference lists, exactly.
test('the functions have the signatures of the API reference', () => {
  expectTypeOf<typeof parseImageUsage>().toEqualTypeOf<(input: unknown, options?: ParseImageUsageOptions) => ImageUsage>();
  expectTypeOf<typeof safeParseImageUsage>().toEqualTypeOf<
    (input: unknown, options?: ParseImageUsageOptions) => SafeParseImageUsageResult
  >();
  expectTypeOf<typeof isImageUsage>().toEqualTypeOf<(input: unknown) => input is ImageUsage>();
  expectTypeOf<typeof checkImageUsage>().toEqualTypeOf<
    (usage: ImageUsage, options?: CheckImageUsageOptions) => readonly Inconsistency[]
  >();
  expectTypeOf<typeof consistentImageUsage>().toEqualTypeOf<(options?: ConsistentImageUsageOptions) => ConsistentImageUsageAction>();
  expectTypeOf<typeof sumImageUsage>().toEqualTypeOf<(usages: Iterable<ImageUsage>) => ImageUsage>();
  expectTypeOf<typeof ratio>().toEqualTypeOf<(part: number, whole: number) => number>();
  expectTypeOf<typeof toWire>().toEqualTypeOf<(usage: ImageUsage) => ToWireResult>();
  expectTypeOf<typeof estimateCost>().toEqualTypeOf<(usage: ImageUsage, prices: ImagePrices) => number>();
  expectTypeOf<typeof parseImageResponse>().toEqualTypeOf<(input: unknown, options?: ParseImageResponseOptions) => ImageResponse>();
  expectTypeOf<typeof safeParseImageResponse>().toEqualTypeOf<(input: unknown, options?: ParseImageResponseOptions) => SafeParseImageResponseResult>();
});
