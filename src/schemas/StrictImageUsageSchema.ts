import * as v from 'valibot';
import { _copyImageUsage } from '../_internal/_copyUsage.ts';
import { _withFastPath } from '../_internal/_withFastPath.ts';
import { type ConsistentImageUsageAction, consistentImageUsage } from '../checkImageUsage/index.ts';
import type { ImageUsage } from '../types/index.ts';
import { StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';
import type { UsageSchemaEntries } from './UsageSchemaEntries.ts';
import { _usageObject } from './_usageObject.ts';

/**
 * The entries of {@link StrictImageUsageSchema}.
 *
 * @example
 * ```ts
 * import type { StrictImageUsageEntries } from 'image-usage';
 *
 * type Key = keyof StrictImageUsageEntries; // 'totalTokens' | 'inputTokens' | …
 * ```
 */
export type StrictImageUsageEntries = UsageSchemaEntries<'sdk', StrictCountSchemaType>;

/**
 * The type of {@link StrictImageUsageSchema}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { StrictImageUsageSchemaType } from 'image-usage';
 *
 * type Output = v.InferOutput<StrictImageUsageSchemaType>; // ImageUsage
 * ```
 */
export type StrictImageUsageSchemaType = v.SchemaWithPipe<
  readonly [
    v.ObjectSchema<StrictImageUsageEntries, v.ErrorMessage<v.ObjectIssue>>,
    v.TransformAction<v.InferOutput<v.ObjectSchema<StrictImageUsageEntries, v.ErrorMessage<v.ObjectIssue>>>, ImageUsage>,
    ConsistentImageUsageAction,
  ]
>;

/**
 * The SDK-form usage object under the strict rules: every count a safe
 * integer `>= 0`, and every consistency rule holding (one issue per broken
 * rule, at the path of the reported figure).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictImageUsageSchema } from 'image-usage';
 *
 * v.is(StrictImageUsageSchema, {
 *   totalTokens: 4212,
 *   inputTokens: 52,
 *   outputTokens: 4160,
 *   inputTokensDetails: { textTokens: 52, imageTokens: 0 },
 * }); // true
 * ```
 */
export const StrictImageUsageSchema: StrictImageUsageSchemaType = /* @__PURE__ */ _withFastPath(
  v.pipe(
    _usageObject('sdk', StrictCountSchema),
    v.transform((usage) => _copyImageUsage(usage)!),
    consistentImageUsage(),
  ),
  false,
  true,
);
