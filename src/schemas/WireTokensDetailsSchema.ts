import type * as v from 'valibot';
import { _WIRE } from '../_shape.ts';
import type { ImageUsageKeys } from '../types/index.ts';
import { CountSchema, type CountSchemaType, StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';
import type { DetailsSchemaEntries } from './UsageSchemaEntries.ts';
import { _detailsObject } from './_usageObject.ts';

/**
 * The entries of {@link WireTokensDetailsSchema}.
 *
 * @example
 * ```ts
 * import type { WireTokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof WireTokensDetailsEntries; // 'text_tokens' | 'image_tokens'
 * ```
 */
export type WireTokensDetailsEntries = DetailsSchemaEntries<ImageUsageKeys['wire']['split'], CountSchemaType>;

/**
 * The entries of {@link StrictWireTokensDetailsSchema}.
 *
 * @example
 * ```ts
 * import type { StrictWireTokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof StrictWireTokensDetailsEntries; // 'text_tokens' | 'image_tokens'
 * ```
 */
export type StrictWireTokensDetailsEntries = DetailsSchemaEntries<ImageUsageKeys['wire']['split'], StrictCountSchemaType>;

/**
 * The wire-form `input_tokens_details` and `output_tokens_details`:
 * `{ text_tokens, image_tokens }`, kept in the wire form.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WireTokensDetailsSchema } from 'image-usage';
 *
 * v.parse(WireTokensDetailsSchema, { text_tokens: 52, image_tokens: 0 });
 * ```
 */
export const WireTokensDetailsSchema: v.ObjectSchema<WireTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> = /* @__PURE__ */ _detailsObject(
  _WIRE.split,
  CountSchema,
);

/**
 * A wire-form details object under the strict rules: each count a safe
 * integer `>= 0`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictWireTokensDetailsSchema } from 'image-usage';
 *
 * v.is(StrictWireTokensDetailsSchema, { text_tokens: 52, image_tokens: 0 }); // true
 * ```
 */
export const StrictWireTokensDetailsSchema: v.ObjectSchema<StrictWireTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> =
  /* @__PURE__ */ _detailsObject(_WIRE.split, StrictCountSchema);

/**
 * The entries of the wire-form cached details schemas, with the count schema
 * of their rules.
 *
 * @example
 * ```ts
 * import type { WireCachedTokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof WireCachedTokensDetailsEntries; // 'cached_text_tokens' | 'cached_image_tokens'
 * ```
 */
export type WireCachedTokensDetailsEntries<TCount extends CountSchemaType | StrictCountSchemaType = CountSchemaType> = DetailsSchemaEntries<
  readonly [ImageUsageKeys['wire']['cached'][2], ImageUsageKeys['wire']['cached'][3]],
  TCount
>;

/**
 * The wire-form `cached_tokens_details` of OpenAI's Responses API
 * (`tool_usage.image_gen`): `{ cached_text_tokens, cached_image_tokens }`,
 * kept in the wire form.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WireCachedTokensDetailsSchema } from 'image-usage';
 *
 * v.parse(WireCachedTokensDetailsSchema, { cached_text_tokens: 100, cached_image_tokens: 300 });
 * ```
 */
export const WireCachedTokensDetailsSchema: v.ObjectSchema<WireCachedTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> =
  /* @__PURE__ */ _detailsObject([_WIRE.cached[2], _WIRE.cached[3]] as const, CountSchema);

/**
 * {@link WireCachedTokensDetailsSchema} under the strict rules: each count a
 * safe integer `>= 0`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictWireCachedTokensDetailsSchema } from 'image-usage';
 *
 * v.is(StrictWireCachedTokensDetailsSchema, { cached_text_tokens: 100, cached_image_tokens: 0 }); // true
 * ```
 */
export const StrictWireCachedTokensDetailsSchema: v.ObjectSchema<
  WireCachedTokensDetailsEntries<StrictCountSchemaType>,
  v.ErrorMessage<v.ObjectIssue>
> = /* @__PURE__ */ _detailsObject([_WIRE.cached[2], _WIRE.cached[3]] as const, StrictCountSchema);
