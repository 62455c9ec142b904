import * as v from 'valibot';
import { _copyImageUsage } from '../_internal/_copyUsage.ts';
import { _usageMessage } from '../_internal/_usageMessage.ts';
import { _withFastPath } from '../_internal/_withFastPath.ts';
import type { ImageUsage } from '../types/index.ts';
import { CountSchema, type CountSchemaType } from './CountSchema.ts';
import { InputTokensDetailsSchema, OutputTokensDetailsSchema, type TokensDetailsEntries } from './TokensDetailsSchema.ts';

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
export type ImageUsageEntries = {
  /** The total number of tokens. */
  readonly totalTokens: CountSchemaType;
  /** The number of input tokens. */
  readonly inputTokens: CountSchemaType;
  /** The number of output tokens. */
  readonly outputTokens: CountSchemaType;
  /** The input tokens split by modality. */
  readonly inputTokensDetails: v.ObjectSchema<TokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>>;
  /** The output tokens split by modality, optional. */
  readonly outputTokensDetails: v.OptionalSchema<v.ObjectSchema<TokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>>, undefined>;
};

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
    v.object(
      {
        totalTokens: CountSchema,
        inputTokens: CountSchema,
        outputTokens: CountSchema,
        inputTokensDetails: InputTokensDetailsSchema,
        outputTokensDetails: v.optional(OutputTokensDetailsSchema),
      },
      _usageMessage,
    ),
    v.transform((usage) => _copyImageUsage(usage)!),
  ),
  false,
  false,
);
