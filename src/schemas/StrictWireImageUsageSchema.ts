import * as v from 'valibot';
import { _copyWireImageUsage } from '../_internal/_copyUsage.ts';
import { _withFastPath } from '../_internal/_withFastPath.ts';
import { type ConsistentImageUsageAction, consistentImageUsage } from '../checkImageUsage/index.ts';
import type { ImageUsage } from '../types/index.ts';
import { StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';
import type { UsageSchemaEntries } from './UsageSchemaEntries.ts';
import { _usageObject } from './_usageObject.ts';

/**
 * The entries of {@link StrictWireImageUsageSchema}.
 *
 * @example
 * ```ts
 * import type { StrictWireImageUsageEntries } from 'image-usage';
 *
 * type Key = keyof StrictWireImageUsageEntries; // 'total_tokens' | 'input_tokens' | …
 * ```
 */
export type StrictWireImageUsageEntries = UsageSchemaEntries<'wire', StrictCountSchemaType>;

/**
 * The type of {@link StrictWireImageUsageSchema}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { StrictWireImageUsageSchemaType } from 'image-usage';
 *
 * type Input = v.InferInput<StrictWireImageUsageSchemaType>; // the wire form
 * ```
 */
export type StrictWireImageUsageSchemaType = v.SchemaWithPipe<
  readonly [
    v.ObjectSchema<StrictWireImageUsageEntries, v.ErrorMessage<v.ObjectIssue>>,
    v.TransformAction<v.InferOutput<v.ObjectSchema<StrictWireImageUsageEntries, v.ErrorMessage<v.ObjectIssue>>>, ImageUsage>,
    ConsistentImageUsageAction,
  ]
>;

/**
 * The wire-form usage object under the strict rules, SDK form out. Issues,
 * the consistency ones included, carry the wire paths (`total_tokens`).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictWireImageUsageSchema } from 'image-usage';
 *
 * const result = v.safeParse(StrictWireImageUsageSchema, JSON.parse(body).usage);
 * ```
 */
export const StrictWireImageUsageSchema: StrictWireImageUsageSchemaType = /* @__PURE__ */ _withFastPath(
  v.pipe(
    _usageObject('wire', StrictCountSchema),
    v.transform((usage) => _copyWireImageUsage(usage)!),
    consistentImageUsage({ form: 'wire' }),
  ),
  true,
  true,
);
