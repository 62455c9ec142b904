import type * as v from 'valibot';
import { _SDK } from '../_shape.ts';
import type { ImageUsageKeys } from '../types/index.ts';
import { CountSchema, type CountSchemaType, StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';
import type { DetailsSchemaEntries } from './UsageSchemaEntries.ts';
import { _detailsObject } from './_usageObject.ts';

/**
 * The entries of the SDK-form details schemas under the default rules.
 *
 * @example
 * ```ts
 * import type { TokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof TokensDetailsEntries; // 'textTokens' | 'imageTokens'
 * ```
 */
export type TokensDetailsEntries = DetailsSchemaEntries<ImageUsageKeys['sdk']['split'], CountSchemaType>;

/**
 * The entries of {@link StrictTokensDetailsSchema}.
 *
 * @example
 * ```ts
 * import type { StrictTokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof StrictTokensDetailsEntries; // 'textTokens' | 'imageTokens'
 * ```
 */
export type StrictTokensDetailsEntries = DetailsSchemaEntries<ImageUsageKeys['sdk']['split'], StrictCountSchemaType>;

/**
 * The SDK-form `inputTokensDetails`: `{ textTokens, imageTokens }`, each a
 * finite number `>= 0`. Unknown keys are dropped.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { InputTokensDetailsSchema } from 'image-usage';
 *
 * v.parse(InputTokensDetailsSchema, { textTokens: 52, imageTokens: 0 });
 * ```
 */
export const InputTokensDetailsSchema: v.ObjectSchema<TokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> = /* @__PURE__ */ _detailsObject(
  _SDK.split,
  CountSchema,
);

/**
 * The SDK-form `outputTokensDetails`; the same shape as
 * {@link InputTokensDetailsSchema}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { OutputTokensDetailsSchema } from 'image-usage';
 *
 * v.parse(OutputTokensDetailsSchema, { textTokens: 439, imageTokens: 4160 });
 * ```
 */
export const OutputTokensDetailsSchema: v.ObjectSchema<TokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> = InputTokensDetailsSchema;

/**
 * An SDK-form details object under the strict rules: each count a safe
 * integer `>= 0`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictTokensDetailsSchema } from 'image-usage';
 *
 * v.is(StrictTokensDetailsSchema, { textTokens: 52, imageTokens: 0.5 }); // false
 * ```
 */
export const StrictTokensDetailsSchema: v.ObjectSchema<StrictTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> = /* @__PURE__ */ _detailsObject(
  _SDK.split,
  StrictCountSchema,
);

/**
 * The entries of the SDK-form cached details schemas, with the count schema
 * of their rules.
 *
 * @example
 * ```ts
 * import type { CachedTokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof CachedTokensDetailsEntries; // 'cachedTextTokens' | 'cachedImageTokens'
 * ```
 */
export type CachedTokensDetailsEntries<TCount extends CountSchemaType | StrictCountSchemaType = CountSchemaType> = DetailsSchemaEntries<
  readonly [ImageUsageKeys['sdk']['cached'][2], ImageUsageKeys['sdk']['cached'][3]],
  TCount
>;

/**
 * The SDK-form `cachedTokensDetails`: `{ cachedTextTokens, cachedImageTokens }`,
 * each a finite number `>= 0`. Unknown keys are dropped.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CachedTokensDetailsSchema } from 'image-usage';
 *
 * v.parse(CachedTokensDetailsSchema, { cachedTextTokens: 100, cachedImageTokens: 300 });
 * ```
 */
export const CachedTokensDetailsSchema: v.ObjectSchema<CachedTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> =
  /* @__PURE__ */ _detailsObject([_SDK.cached[2], _SDK.cached[3]] as const, CountSchema);

/**
 * {@link CachedTokensDetailsSchema} under the strict rules: each count a
 * safe integer `>= 0`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictCachedTokensDetailsSchema } from 'image-usage';
 *
 * v.is(StrictCachedTokensDetailsSchema, { cachedTextTokens: 100, cachedImageTokens: 0.5 }); // false
 * ```
 */
export const StrictCachedTokensDetailsSchema: v.ObjectSchema<
  CachedTokensDetailsEntries<StrictCountSchemaType>,
  v.ErrorMessage<v.ObjectIssue>
> = /* @__PURE__ */ _detailsObject([_SDK.cached[2], _SDK.cached[3]] as const, StrictCountSchema);
