import * as v from 'valibot';
import {
  type ConsistentImageUsageAction,
  createConsistencyAction,
  WIRE_COUNT_PATHS,
} from '../checkImageUsage/consistentImageUsage.ts';
import { COUNT_PATHS } from '../internal/readCounts.ts';
import { DEFAULT_TOLERANCE } from '../checkImageUsage/rules.ts';
import { isStrictCount } from '../isImageUsage/isCount.ts';
import type { ImageUsage } from '../types/index.ts';
import { StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';
import {
  copyImageUsage,
  copyWireImageUsage,
  readStrictImageUsage,
  readStrictWireImageUsage,
} from './readImageUsage.ts';
import {
  type StrictTokensDetailsEntries,
  StrictTokensDetailsSchema,
  type StrictWireTokensDetailsEntries,
  StrictWireTokensDetailsSchema,
} from './TokensDetailsSchema.ts';
import { withFastPath } from './withFastPath.ts';

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
export type StrictImageUsageEntries = {
  /** The total number of tokens. */
  readonly totalTokens: StrictCountSchemaType;
  /** The number of input tokens. */
  readonly inputTokens: StrictCountSchemaType;
  /** The number of output tokens. */
  readonly outputTokens: StrictCountSchemaType;
  /** The input tokens split by modality. */
  readonly inputTokensDetails: v.ObjectSchema<StrictTokensDetailsEntries, undefined>;
  /** The output tokens split by modality, optional. */
  readonly outputTokensDetails: v.OptionalSchema<v.ObjectSchema<StrictTokensDetailsEntries, undefined>, undefined>;
};

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
    v.ObjectSchema<StrictImageUsageEntries, undefined>,
    v.TransformAction<v.InferOutput<v.ObjectSchema<StrictImageUsageEntries, undefined>>, ImageUsage>,
    ConsistentImageUsageAction,
  ]
>;

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
  readonly input_tokens_details: v.ObjectSchema<StrictWireTokensDetailsEntries, undefined>;
  /** The output tokens split by modality: absent, `null` or an object. */
  readonly output_tokens_details: v.NullishSchema<v.ObjectSchema<StrictWireTokensDetailsEntries, undefined>, undefined>;
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
    v.ObjectSchema<StrictWireImageUsageEntries, undefined>,
    v.TransformAction<v.InferOutput<v.ObjectSchema<StrictWireImageUsageEntries, undefined>>, ImageUsage>,
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
export const StrictImageUsageSchema: StrictImageUsageSchemaType = withFastPath(
  v.pipe(
    v.object({
      totalTokens: StrictCountSchema,
      inputTokens: StrictCountSchema,
      outputTokens: StrictCountSchema,
      inputTokensDetails: StrictTokensDetailsSchema,
      outputTokensDetails: v.optional(StrictTokensDetailsSchema),
    }),
    v.transform(copyImageUsage),
    createConsistencyAction(DEFAULT_TOLERANCE, COUNT_PATHS),
  ),
  readStrictImageUsage,
  isStrictCount,
);

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
export const StrictWireImageUsageSchema: StrictWireImageUsageSchemaType = withFastPath(
  v.pipe(
    v.object({
      total_tokens: StrictCountSchema,
      input_tokens: StrictCountSchema,
      output_tokens: StrictCountSchema,
      input_tokens_details: StrictWireTokensDetailsSchema,
      output_tokens_details: v.nullish(StrictWireTokensDetailsSchema),
    }),
    v.transform(copyWireImageUsage),
    createConsistencyAction(DEFAULT_TOLERANCE, WIRE_COUNT_PATHS),
  ),
  readStrictWireImageUsage,
  isStrictCount,
);
