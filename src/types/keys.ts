/**
 * The keys of the usage object in each of its two forms, as types: the
 * description that the package holds at run time, from which the types of
 * the schemas' entries are derived ({@link UsageSchemaEntries}). Counts in
 * count order; each details object before its two counts.
 *
 * @example
 * ```ts
 * import type { ImageUsageKeys } from 'image-usage';
 *
 * type WireTotal = ImageUsageKeys['wire']['counts'][0]; // 'total_tokens'
 * ```
 */
export interface ImageUsageKeys {
  /** The SDK's camelCase form. */
  readonly sdk: {
    /** The usage object's three counts: total, input, output. */
    readonly counts: readonly ['totalTokens', 'inputTokens', 'outputTokens'];
    /** Its two details objects: the input's (required), the output's (optional). */
    readonly details: readonly ['inputTokensDetails', 'outputTokensDetails'];
    /** The two counts of those details objects: text, image. */
    readonly split: readonly ['textTokens', 'imageTokens'];
    /** The cached part of the input, all optional: its count, its details object, and that object's two counts. */
    readonly cached: readonly ['cachedTokens', 'cachedTokensDetails', 'cachedTextTokens', 'cachedImageTokens'];
  };
  /** The API's snake_case JSON form. */
  readonly wire: {
    /** The usage object's three counts: total, input, output. */
    readonly counts: readonly ['total_tokens', 'input_tokens', 'output_tokens'];
    /** Its two details objects: the input's (required), the output's (optional). */
    readonly details: readonly ['input_tokens_details', 'output_tokens_details'];
    /** The two counts of those details objects: text, image. */
    readonly split: readonly ['text_tokens', 'image_tokens'];
    /** The cached part of the input, all optional: its count, its details object, and that object's two counts. */
    readonly cached: readonly ['cached_tokens', 'cached_tokens_details', 'cached_text_tokens', 'cached_image_tokens'];
  };
}
