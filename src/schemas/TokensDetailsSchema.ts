import * as v from 'valibot';
import { CountSchema, type CountSchemaType, StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';

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
export type TokensDetailsEntries = {
  /** The number of text tokens. */
  readonly textTokens: CountSchemaType;
  /** The number of image tokens. */
  readonly imageTokens: CountSchemaType;
};

/**
 * The entries of the SDK-form details schemas under the strict rules.
 *
 * @example
 * ```ts
 * import type { StrictTokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof StrictTokensDetailsEntries; // 'textTokens' | 'imageTokens'
 * ```
 */
export type StrictTokensDetailsEntries = {
  /** The number of text tokens. */
  readonly textTokens: StrictCountSchemaType;
  /** The number of image tokens. */
  readonly imageTokens: StrictCountSchemaType;
};

/**
 * The entries of the wire-form details schema under the default rules.
 *
 * @example
 * ```ts
 * import type { WireTokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof WireTokensDetailsEntries; // 'text_tokens' | 'image_tokens'
 * ```
 */
export type WireTokensDetailsEntries = {
  /** The number of text tokens. */
  readonly text_tokens: CountSchemaType;
  /** The number of image tokens. */
  readonly image_tokens: CountSchemaType;
};

/**
 * The entries of the wire-form details schema under the strict rules.
 *
 * @example
 * ```ts
 * import type { StrictWireTokensDetailsEntries } from 'image-usage';
 *
 * type Key = keyof StrictWireTokensDetailsEntries; // 'text_tokens' | 'image_tokens'
 * ```
 */
export type StrictWireTokensDetailsEntries = {
  /** The number of text tokens. */
  readonly text_tokens: StrictCountSchemaType;
  /** The number of image tokens. */
  readonly image_tokens: StrictCountSchemaType;
};

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
export const InputTokensDetailsSchema: v.ObjectSchema<TokensDetailsEntries, undefined> = v.object({
  textTokens: CountSchema,
  imageTokens: CountSchema,
});

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
export const OutputTokensDetailsSchema: v.ObjectSchema<TokensDetailsEntries, undefined> = InputTokensDetailsSchema;

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
export const WireTokensDetailsSchema: v.ObjectSchema<WireTokensDetailsEntries, undefined> = v.object({
  text_tokens: CountSchema,
  image_tokens: CountSchema,
});

/** @internal */
export const StrictTokensDetailsSchema: v.ObjectSchema<StrictTokensDetailsEntries, undefined> = v.object({
  textTokens: StrictCountSchema,
  imageTokens: StrictCountSchema,
});

/** @internal */
export const StrictWireTokensDetailsSchema: v.ObjectSchema<StrictWireTokensDetailsEntries, undefined> = v.object({
  text_tokens: StrictCountSchema,
  image_tokens: StrictCountSchema,
});
