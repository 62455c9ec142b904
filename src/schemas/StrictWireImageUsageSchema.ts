import * as v from 'valibot';
import { _copyWireImageUsage } from '../_internal/_copyUsage.ts';
import { _usageMessage } from '../_internal/_usageMessage.ts';
import { _withFastPath } from '../_internal/_withFastPath.ts';
import { type ConsistentImageUsageAction, consistentImageUsage } from '../checkImageUsage/index.ts';
import type { ImageUsage } from '../types/index.ts';
import { StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';
import { type StrictWireTokensDetailsEntries, StrictWireTokensDetailsSchema } from './WireTokensDetailsSchema.ts';

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
export type StrictWireImageUsageEntries = {
  /** The total number of tokens. */
  readonly total_tokens: StrictCountSchemaType;
  /** The number of input tokens. */
  readonly input_tokens: StrictCountSchemaType;
  /** The number of output tokens. */
  readonly output_tokens: StrictCountSchemaType;
  /** The input tokens split by modality. */
  readonly input_tokens_details: v.ObjectSchema<StrictWireTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>>;
  /** The output tokens split by modality: absent, `null` or an object. */
  readonly output_tokens_details: v.NullishSchema<
    v.ObjectSchema<StrictWireTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>>,
    undefined
  >;
};

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
    v.object(
      {
        total_tokens: StrictCountSchema,
        input_tokens: StrictCountSchema,
        output_tokens: StrictCountSchema,
        input_tokens_details: StrictWireTokensDetailsSchema,
        output_tokens_details: v.nullish(StrictWireTokensDetailsSchema),
      },
      _usageMessage,
    ),
    v.transform((usage) => _copyWireImageUsage(usage)!),
    consistentImageUsage({ form: 'wire' }),
  ),
  true,
  true,
);
