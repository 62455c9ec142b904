import * as v from 'valibot';
import { _message } from '../_internal/_message.ts';
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
 * The entries of {@link StrictTokensDetailsSchema}.
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
export const InputTokensDetailsSchema: v.ObjectSchema<TokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> = v.object(
  { textTokens: CountSchema, imageTokens: CountSchema },
  _message,
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
export const OutputTokensDetailsSchema: v.ObjectSchema<TokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> =
  InputTokensDetailsSchema;

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
export const StrictTokensDetailsSchema: v.ObjectSchema<StrictTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> = v.object(
  { textTokens: StrictCountSchema, imageTokens: StrictCountSchema },
  _message,
);
