import * as v from 'valibot';
import { _copyWireImageUsage } from '../_internal/_copyUsage.ts';
import { _withFastPath } from '../_internal/_withFastPath.ts';
import type { ImageUsage } from '../types/index.ts';
import { CountSchema, type CountSchemaType } from './CountSchema.ts';
import type { UsageSchemaEntries } from './UsageSchemaEntries.ts';
import { _usageObject } from './_usageObject.ts';

/**
 * The entries of {@link WireImageUsageSchema}.
 *
 * @example
 * ```ts
 * import type { WireImageUsageEntries } from 'image-usage';
 *
 * type Key = keyof WireImageUsageEntries; // 'total_tokens' | 'input_tokens' | …
 * ```
 */
export type WireImageUsageEntries = UsageSchemaEntries<'wire', CountSchemaType>;

/**
 * The type of {@link WireImageUsageSchema}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { WireImageUsageSchemaType } from 'image-usage';
 *
 * type Input = v.InferInput<WireImageUsageSchemaType>; // the wire form
 * ```
 */
export type WireImageUsageSchemaType = v.SchemaWithPipe<
  readonly [
    v.ObjectSchema<WireImageUsageEntries, v.ErrorMessage<v.ObjectIssue>>,
    v.TransformAction<v.InferOutput<v.ObjectSchema<WireImageUsageEntries, v.ErrorMessage<v.ObjectIssue>>>, ImageUsage>,
  ]
>;

/**
 * The usage object in the API's snake_case JSON form in, the SDK's camelCase
 * form out, under the default rules. `output_tokens_details` may be absent or
 * `null`; either comes out as absent. Unknown keys are dropped, and issues
 * carry the wire paths (`input_tokens_details.image_tokens`).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WireImageUsageSchema } from 'image-usage';
 *
 * const usage = v.parse(WireImageUsageSchema, JSON.parse(body).usage);
 * usage.inputTokensDetails.imageTokens;
 * ```
 */
export const WireImageUsageSchema: WireImageUsageSchemaType = /* @__PURE__ */ _withFastPath(
  v.pipe(
    _usageObject('wire', CountSchema),
    v.transform((usage) => _copyWireImageUsage(usage)!),
  ),
  true,
  false,
);
