import * as v from 'valibot';
import { expectTypeOf, test } from 'vitest';
import { ImageUsageSchema } from '../schemas/ImageUsageSchema.ts';
import { WireImageUsageSchema } from '../schemas/WireImageUsageSchema.ts';
import type { ConsistencyRule, ImageUsage, Inconsistency } from '../types/index.ts';
import { checkImageUsage } from './checkImageUsage.ts';
import { consistentImageUsage } from './consistentImageUsage.ts';

test('checkImageUsage takes an ImageUsage and returns readonly inconsistencies', () => {
  expectTypeOf(checkImageUsage).parameter(0).toEqualTypeOf<ImageUsage>();
  expectTypeOf(checkImageUsage).returns.toEqualTypeOf<readonly Inconsistency[]>();
  expectTypeOf<Inconsistency['rule']>().toEqualTypeOf<ConsistencyRule>();
  expectTypeOf<ConsistencyRule>().toEqualTypeOf<'total' | 'input' | 'output'>();
});

test('consistentImageUsage keeps the output type of either schema', () => {
  expectTypeOf<v.InferOutput<v.SchemaWithPipe<readonly [typeof ImageUsageSchema, ReturnType<typeof consistentImageUsage>]>>>().toEqualTypeOf<ImageUsage>();
  expectTypeOf(v.pipe(WireImageUsageSchema, consistentImageUsage({ form: 'wire' }))).toExtend<v.GenericSchema<unknown, ImageUsage>>();
});
