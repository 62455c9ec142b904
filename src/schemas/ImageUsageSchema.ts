import * as v from 'valibot';
import { _copyImageUsage } from '../_internal/_copyUsage.ts';
import { _withFastPath } from '../_internal/_withFastPath.ts';
import type { ImageUsage } from '../types/index.ts';
import { CountSchema, type CountSchemaType } from './CountSchema.ts';
import type { UsageSchemaEntries } from './UsageSchemaEntries.ts';
import { _usageObject } from './_usageObject.ts';

/**
 * The entries of {@link ImageUsageSchema}.
 *
 * @example
 * ```ts
 * import type { ImageUsageEntries } from 'image-usage';
 *
 * type Key = keyof ImageUsageEntries; // 'totalTokens' | 'inputTokens' | …
 * ```
 */
export type ImageUsageEntries = UsageSchemaEntries<'sdk', CountSchemaType>;

/**
 * The type of {@link ImageUsageSchema}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { ImageUsageSchemaType } from 'image-usage';
 *
 * type Output = v.InferOutput<ImageUsageSchemaType>; // ImageUsage
 * ```
 */
export type ImageUsageSchemaType = v.SchemaWithPipe<
  readonly [
    v.ObjectSchema<ImageUsageEntries, v.ErrorMessage<v.ObjectIssue>>,
    v.TransformAction<v.InferOutput<v.ObjectSchema<ImageUsageEntries, v.ErrorMessage<v.ObjectIssue>>>, ImageUsage>,
  ]
>;

/**
 * The usage object in the SDK's camelCase form, in and out, under the default
 * rules: every count a finite number `>= 0`. `outputTokensDetails` may be
 * absent or `undefined` (left out of the output). Unknown keys are dropped,
 * and the output is a fresh object. Valid input takes a hand-written fast
 * path; invalid input gets valibot's issues with paths, whose messages read
 * `expected number, received "4212"`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { ImageUsageSchema } from 'image-usage';
 *
 * const usage = v.parse(ImageUsageSchema, {
 *   totalTokens: 4212,
 *   inputTokens: 52,
 *   outputTokens: 4160,
 *   inputTokensDetails: { textTokens: 52, imageTokens: 0 },
 * });
 * ```
 */
export const ImageUsageSchema: ImageUsageSchemaType = /* @__PURE__ */ _withFastPath(
  v.pipe(
    _usageObject('sdk', CountSchema),
    v.transform((usage) => _copyImageUsage(usage)!),
  ),
  false,
  false,
);
