import * as v from 'valibot';
import { _GEMINI } from '../_shape.ts';
import { type _GeminiFields, _geminiProblems, _geminiToImageUsage, _readGemini } from '../_internal/_gemini.ts';
import { _message } from '../_internal/_message.ts';
import { _withFastRead } from '../_internal/_withFastPath.ts';
import { _withUsageKeys } from '../_internal/_withoutUsageKeys.ts';
import type { ImageUsage } from '../types/index.ts';
import { CountSchema, type CountSchemaType, StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';

/**
 * A modality of Gemini's token counts.
 *
 * @example
 * ```ts
 * import type { GeminiModality } from 'image-usage';
 *
 * const modality: GeminiModality = 'IMAGE';
 * ```
 */
export type GeminiModality = 'MODALITY_UNSPECIFIED' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT';

/**
 * The entries of one `{ modality, tokenCount }` of Gemini's details arrays,
 * both absent (or `null`, as proto3 JSON allows) when zero.
 *
 * @example
 * ```ts
 * import type { GeminiModalityTokenCountEntries } from 'image-usage';
 *
 * type Key = keyof GeminiModalityTokenCountEntries; // 'modality' | 'tokenCount'
 * ```
 */
export type GeminiModalityTokenCountEntries<TCount extends v.GenericSchema<unknown, number> = CountSchemaType> = {
  /** The modality, absent or `null` for `MODALITY_UNSPECIFIED`. */
  readonly modality: v.NullishSchema<v.PicklistSchema<readonly GeminiModality[], v.ErrorMessage<v.PicklistIssue>>, undefined>;
  /** The tokens, absent or `null` when 0. */
  readonly tokenCount: v.NullishSchema<TCount, undefined>;
};

/**
 * The schema of one of Gemini's details arrays, absent or `null` when empty:
 * a list of `{ modality, tokenCount }`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { GeminiTokensDetailsSchemaType } from 'image-usage';
 *
 * type Entry = v.InferOutput<GeminiTokensDetailsSchemaType>; // { modality?, tokenCount? }[] | null | undefined
 * ```
 */
export type GeminiTokensDetailsSchemaType<TCount extends v.GenericSchema<unknown, number> = CountSchemaType> = v.NullishSchema<
  v.ArraySchema<v.ObjectSchema<GeminiModalityTokenCountEntries<TCount>, v.ErrorMessage<v.ObjectIssue>>, v.ErrorMessage<v.ArrayIssue>>,
  undefined
>;

/**
 * The entries of {@link GeminiUsageMetadataSchema} (and, with the strict
 * count, of {@link StrictGeminiUsageMetadataSchema}): every count and details
 * array, each absent (or `null`, as proto3 JSON allows) when zero.
 *
 * @example
 * ```ts
 * import type { GeminiUsageMetadataEntries } from 'image-usage';
 *
 * type Key = keyof GeminiUsageMetadataEntries; // 'promptTokenCount' | 'candidatesTokenCount' | …
 * ```
 */
export type GeminiUsageMetadataEntries<TCount extends v.GenericSchema<unknown, number> = CountSchemaType> = {
  /** The tokens of the prompt. */
  readonly promptTokenCount: v.NullishSchema<TCount, undefined>;
  /** The tokens of the answer's candidates. */
  readonly candidatesTokenCount: v.NullishSchema<TCount, undefined>;
  /** The total: prompt, candidates, thoughts and tool-use prompt. */
  readonly totalTokenCount: v.NullishSchema<TCount, undefined>;
  /** The tokens of the model's thinking. */
  readonly thoughtsTokenCount: v.NullishSchema<TCount, undefined>;
  /** The tokens of tool results in the prompt. */
  readonly toolUsePromptTokenCount: v.NullishSchema<TCount, undefined>;
  /** The part of the prompt read from the cache. */
  readonly cachedContentTokenCount: v.NullishSchema<TCount, undefined>;
  /** The prompt's tokens by modality. */
  readonly promptTokensDetails: GeminiTokensDetailsSchemaType<TCount>;
  /** The candidates' tokens by modality. */
  readonly candidatesTokensDetails: GeminiTokensDetailsSchemaType<TCount>;
  /** The cached tokens by modality. */
  readonly cacheTokensDetails: GeminiTokensDetailsSchemaType<TCount>;
  /** The tool-use prompt's tokens by modality. */
  readonly toolUsePromptTokensDetails: GeminiTokensDetailsSchemaType<TCount>;
};

/**
 * The type of {@link GeminiUsageMetadataSchema} (and, with the strict count,
 * of {@link StrictGeminiUsageMetadataSchema}).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { GeminiUsageMetadataSchemaType } from 'image-usage';
 *
 * type Output = v.InferOutput<GeminiUsageMetadataSchemaType>; // ImageUsage
 * ```
 */
export type GeminiUsageMetadataSchemaType<TCount extends v.GenericSchema<unknown, number> = CountSchemaType> = v.SchemaWithPipe<
  readonly [
    v.ObjectSchema<GeminiUsageMetadataEntries<TCount>, v.ErrorMessage<v.ObjectIssue>>,
    v.RawCheckAction<v.InferOutput<v.ObjectSchema<GeminiUsageMetadataEntries<TCount>, undefined>>>,
    v.TransformAction<v.InferOutput<v.ObjectSchema<GeminiUsageMetadataEntries<TCount>, undefined>>, ImageUsage>,
  ]
>;

/**
 * The type of {@link StrictGeminiUsageMetadataSchema}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { StrictGeminiUsageMetadataSchemaType } from 'image-usage';
 *
 * type Output = v.InferOutput<StrictGeminiUsageMetadataSchemaType>; // ImageUsage
 * ```
 */
export type StrictGeminiUsageMetadataSchemaType = GeminiUsageMetadataSchemaType<StrictCountSchemaType>;

/**
 * A Gemini usage object as the schemas take it: `GenerateContentResponse.usageMetadata`.
 *
 * @example
 * ```ts
 * import type { GeminiUsageMetadata } from 'image-usage';
 *
 * const usage: GeminiUsageMetadata = { promptTokenCount: 10, candidatesTokenCount: 1290, totalTokenCount: 1300 };
 * ```
 */
export type GeminiUsageMetadata = v.InferInput<GeminiUsageMetadataSchemaType>;

/** Builds the schema of the Gemini form under the default or the strict rules. */
// @__NO_SIDE_EFFECTS__
function geminiSchema<TCount extends v.GenericSchema<unknown, number>>(count: TCount, strict: boolean): GeminiUsageMetadataSchemaType<TCount> {
  // proto3 JSON leaves a zero out, or writes null for it.
  const optionalCount = v.nullish(count);
  const entry = v.object({ modality: v.nullish(v.picklist(_GEMINI.modalities as GeminiModality[], _message)), tokenCount: optionalCount }, _message);
  const details = v.nullish(v.array(entry, _message));
  // The keys of the description, each count and details array optional.
  const entries = Object.fromEntries([
    ..._GEMINI.counts.map((key) => [key, optionalCount]),
    ...Object.keys(_GEMINI.details).map((key) => [key, details]),
  ]) as unknown as GeminiUsageMetadataEntries<TCount>;
  type Fields = v.InferOutput<v.ObjectSchema<GeminiUsageMetadataEntries<TCount>, undefined>>;
  const schema = v.pipe(
    v.object(entries, _message),
    v.rawCheck<Fields>(({ dataset, addIssue }) => {
      // Only on counts that passed their own checks (valibot's actions leave a failed count typed).
      if (!dataset.typed || dataset.issues) return;
      for (const { path, expected, received } of _geminiProblems(dataset.value, strict)) {
        // The path down from the parsed object, as valibot writes one.
        let input: unknown = dataset.value;
        const items = path.map((key) => {
          const parent = input as Record<string | number, unknown>;
          input = parent[key];
          return typeof key === 'number'
            ? ({ type: 'array', origin: 'value', input: parent as unknown as unknown[], key, value: input } as const)
            : ({ type: 'object', origin: 'value', input: parent, key, value: input } as const);
        });
        addIssue({ input, expected, received, message: `expected ${expected}, received ${received}`, path: items as [v.IssuePathItem, ...v.IssuePathItem[]] });
      }
    }),
    v.transform((fields: Fields) => _geminiToImageUsage(fields as _GeminiFields)),
  );
  // An object with none of these keys is an issue: zeros would bill nothing, and nobody would be told.
  const keyed = _withUsageKeys(schema, `Gemini's usage keys (${_GEMINI.counts[0]!}, ...)`, true);
  return _withFastRead(keyed, (input) => _readGemini(input, strict));
}

/**
 * Google's Gemini usage object (`usageMetadata` of a `GenerateContentResponse`,
 * from the Gemini API or Vertex AI) in, an `ImageUsage` out, under the default
 * rules: every count a finite number `>= 0`, absent or `null` ones 0 (but an
 * object with none of the keys is an issue, not zeros). Input is prompt +
 * tool-use prompt, output candidates + thoughts; the image tokens are the
 * `IMAGE` and `DOCUMENT` entries of the prompt, the tool-use prompt and the
 * candidates, and text the rest of each, so the output always has
 * `outputTokensDetails`. `AUDIO` or `VIDEO` tokens are an issue: an
 * `ImageUsage` has no place for them. Cached tokens stay in the input, as
 * Gemini counts them. Issues carry Gemini's own paths
 * (`candidatesTokensDetails.0.tokenCount`).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { GeminiUsageMetadataSchema } from 'image-usage';
 *
 * const usage = v.parse(GeminiUsageMetadataSchema, response.usageMetadata);
 * usage.outputTokensDetails?.imageTokens;
 * ```
 */
export const GeminiUsageMetadataSchema: GeminiUsageMetadataSchemaType = /* @__PURE__ */ geminiSchema(CountSchema, false);

/**
 * {@link GeminiUsageMetadataSchema} under the strict rules: every count a
 * safe integer `>= 0`, each details array itemising no more than its count,
 * and Gemini's own total rule, `totalTokenCount` = `promptTokenCount` +
 * `candidatesTokenCount` + `thoughtsTokenCount` + `toolUsePromptTokenCount`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictGeminiUsageMetadataSchema } from 'image-usage';
 *
 * v.is(StrictGeminiUsageMetadataSchema, { promptTokenCount: 10, candidatesTokenCount: 1290, totalTokenCount: 1300 }); // true
 * ```
 */
export const StrictGeminiUsageMetadataSchema: StrictGeminiUsageMetadataSchemaType = /* @__PURE__ */ geminiSchema(StrictCountSchema, true);
