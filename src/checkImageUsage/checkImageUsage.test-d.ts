import * as v from 'valibot';
import { expectTypeOf, test } from 'vitest';
import { ImageUsageSchema } from '../schemas/ImageUsageSchema.ts';
import { WireImageUsageSchema } from '../schemas/WireImageUsageSchema.ts';
import type { ConsistencyRule, ImageUsage, Inconsistency } from '../types/index.ts';
import type { ParseImageUsageOptions } from '../parse/safeParseImageUsage.ts';
import { type CheckImageUsageOptions, checkImageUsage } from './checkImageUsage.ts';
import { type ConsistentImageUsageOptions, consistentImageUsage } from './consistentImageUsage.ts';

test('checkImageUsage takes an ImageUsage and returns readonly inconsistencies', () => {
  expectTypeOf(checkImageUsage).parameter(0).toEqualTypeOf<ImageUsage>();
  expectTypeOf(checkImageUsage).returns.toEqualTypeOf<readonly Inconsistency[]>();
  expectTypeOf<Inconsistency['rule']>().toEqualTypeOf<ConsistencyRule>();
  expectTypeOf<ConsistencyRule>().toEqualTypeOf<'total' | 'input' | 'output' | 'cached' | 'cachedInput' | 'cachedText' | 'cachedImage'>();
});

test('consistentImageUsage keeps the output type of either schema', () => {
  expectTypeOf<v.InferOutput<v.SchemaWithPipe<readonly [typeof ImageUsageSchema, ReturnType<typeof consistentImageUsage>]>>>().toEqualTypeOf<ImageUsage>();
  expectTypeOf(v.pipe(WireImageUsageSchema, consistentImageUsage({ form: 'wire' }))).toExtend<v.GenericSchema<unknown, ImageUsage>>();
});

test('every option may be given as undefined, as a caller forwarding its own options does', () => {
  expectTypeOf<{ tolerance: undefined }>().toExtend<CheckImageUsageOptions>();
  expectTypeOf<{ tolerance: undefined; form: undefined }>().toExtend<ConsistentImageUsageOptions>();
  expectTypeOf<{ strict: undefined }>().toExtend<ParseImageUsageOptions>();
});
