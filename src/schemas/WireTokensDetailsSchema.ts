import * as v from 'valibot';
import { _message } from '../_internal/_message.ts';
import { CountSchema, type CountSchemaType, StrictCountSchema, type StrictCountSchemaType } from './CountSchema.ts';

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
export type WireTokensDetailsEntries = {
  /** The number of text tokens. */
  readonly text_tokens: CountSchemaType;
  /** The number of image tokens. */
  readonly image_tokens: CountSchemaType;
};

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
export type StrictWireTokensDetailsEntries = {
  /** The number of text tokens. */
  readonly text_tokens: StrictCountSchemaType;
  /** The number of image tokens. */
  readonly image_tokens: StrictCountSchemaType;
};

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
export const WireTokensDetailsSchema: v.ObjectSchema<WireTokensDetailsEntries, v.ErrorMessage<v.ObjectIssue>> = v.object(
  { text_tokens: CountSchema, image_tokens: CountSchema },
  _message,
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
  v.object({ text_tokens: StrictCountSchema, image_tokens: StrictCountSchema }, _message);
