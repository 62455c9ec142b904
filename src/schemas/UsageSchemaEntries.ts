import type * as v from 'valibot';
import type { ImageUsageKeys } from '../types/index.ts';
import type { CountSchemaType, StrictCountSchemaType } from './CountSchema.ts';

/**
 * The entries of a details object's schema: each of its two keys a count
 * under the rules of `TCount`.
 *
 * @example
 * ```ts
 * import type { CountSchemaType, DetailsSchemaEntries, ImageUsageKeys } from 'image-usage';
 *
 * type Entries = DetailsSchemaEntries<ImageUsageKeys['sdk']['split'], CountSchemaType>; // { textTokens, imageTokens }
 * ```
 */
export type DetailsSchemaEntries<TKeys extends readonly string[], TCount extends CountSchemaType | StrictCountSchemaType> = {
  readonly [TKey in TKeys[number]]: TCount;
};

/**
 * The schema of a details object: {@link DetailsSchemaEntries}, with the
 * package's messages.
 *
 * @example
 * ```ts
 * import type { CountSchemaType, DetailsSchemaType, ImageUsageKeys } from 'image-usage';
 *
 * type Schema = DetailsSchemaType<ImageUsageKeys['wire']['split'], CountSchemaType>;
 * ```
 */
export type DetailsSchemaType<TKeys extends readonly string[], TCount extends CountSchemaType | StrictCountSchemaType> = v.ObjectSchema<
  DetailsSchemaEntries<TKeys, TCount>,
  v.ErrorMessage<v.ObjectIssue>
>;

/**
 * The schema of an optional details object in a form: it may be absent, and
 * in the wire form `null` (which some producers send) too.
 *
 * @example
 * ```ts
 * import type { CountSchemaType, DetailsSchemaType, ImageUsageKeys, OptionalDetailsSchemaType } from 'image-usage';
 *
 * type Output = OptionalDetailsSchemaType<'wire', DetailsSchemaType<ImageUsageKeys['wire']['split'], CountSchemaType>>; // a v.NullishSchema
 * ```
 */
export type OptionalDetailsSchemaType<TForm extends keyof ImageUsageKeys, TSchema extends v.GenericSchema> = TForm extends 'wire'
  ? v.NullishSchema<TSchema, undefined>
  : v.OptionalSchema<TSchema, undefined>;

/**
 * The entries of the usage object's schema in one form (`'sdk'` or
 * `'wire'`), under the rules of `TCount`, derived from
 * {@link ImageUsageKeys}: the three counts; the input details; the output
 * details, optional; the cached count, optional; the cached details,
 * optional (and in the wire form `null` for either details object).
 *
 * @example
 * ```ts
 * import type { CountSchemaType, UsageSchemaEntries } from 'image-usage';
 *
 * type Key = keyof UsageSchemaEntries<'wire', CountSchemaType>; // 'total_tokens' | 'input_tokens' | …
 * ```
 */
export type UsageSchemaEntries<TForm extends keyof ImageUsageKeys, TCount extends CountSchemaType | StrictCountSchemaType> = {
  readonly [TKey in
    | ImageUsageKeys[TForm]['counts'][number]
    | ImageUsageKeys[TForm]['details'][number]
    | ImageUsageKeys[TForm]['cached'][0]
    | ImageUsageKeys[TForm]['cached'][1]]: TKey extends ImageUsageKeys[TForm]['counts'][number]
    ? TCount
    : TKey extends ImageUsageKeys[TForm]['details'][0]
      ? DetailsSchemaType<ImageUsageKeys[TForm]['split'], TCount>
      : TKey extends ImageUsageKeys[TForm]['details'][1]
        ? OptionalDetailsSchemaType<TForm, DetailsSchemaType<ImageUsageKeys[TForm]['split'], TCount>>
        : TKey extends ImageUsageKeys[TForm]['cached'][0]
          ? v.OptionalSchema<TCount, undefined>
          : OptionalDetailsSchemaType<
              TForm,
              DetailsSchemaType<readonly [ImageUsageKeys[TForm]['cached'][2], ImageUsageKeys[TForm]['cached'][3]], TCount>
            >;
};
