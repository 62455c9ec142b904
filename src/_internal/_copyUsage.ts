import type { CachedTokensDetails, ImageUsage, TokensDetails } from '../types/index.ts';
import { _isCount } from './_isCount.ts';

// The copiers of the schemas: each reads the fields of its form once, checks
// them under the default rules as it goes, and builds a fresh SDK-form object
// holding only the known keys, or gives `undefined` at the first field that
// fails. Each is the fast path of its schemas and the transformation at the
// end of their pipes (where the input is valid already). Checking while
// copying, as a hand-written guard does, rather than checking the copy after,
// takes a fifth off parseImageUsage (npm run bench). The keys are written out
// for speed; test/shape.test.ts derives what each must copy and reject from
// `_shape.ts`.

/** A details object's two counts, checked, or `undefined`. */
function copyDetails(details: unknown): TokensDetails | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { textTokens, imageTokens } = details as Record<string, unknown>;
  return _isCount(textTokens) && _isCount(imageTokens) ? { textTokens, imageTokens } : undefined;
}

/** A wire-form details object's two counts in the SDK form, checked, or `undefined`. */
function copyWireDetails(details: unknown): TokensDetails | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { text_tokens: textTokens, image_tokens: imageTokens } = details as Record<string, unknown>;
  return _isCount(textTokens) && _isCount(imageTokens) ? { textTokens, imageTokens } : undefined;
}

/** A cached details object's two counts, checked, or `undefined`. */
function copyCachedDetails(details: unknown): CachedTokensDetails | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { cachedTextTokens, cachedImageTokens } = details as Record<string, unknown>;
  return _isCount(cachedTextTokens) && _isCount(cachedImageTokens) ? { cachedTextTokens, cachedImageTokens } : undefined;
}

/** A wire-form cached details object's two counts in the SDK form, checked, or `undefined`. */
function copyWireCachedDetails(details: unknown): CachedTokensDetails | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { cached_text_tokens: cachedTextTokens, cached_image_tokens: cachedImageTokens } = details as Record<string, unknown>;
  return _isCount(cachedTextTokens) && _isCount(cachedImageTokens) ? { cachedTextTokens, cachedImageTokens } : undefined;
}

/**
 * Checks and copies an SDK-form usage object under the default rules;
 * `outputTokensDetails`, `cachedTokens` and `cachedTokensDetails` that are
 * `undefined` are left out.
 *
 * @param input The object to copy.
 *
 * @returns The copy, or `undefined` when a field is not valid.
 */
export function _copyImageUsage(input: object): ImageUsage | undefined {
  const { totalTokens, inputTokens, outputTokens } = input as Record<string, unknown>;
  if (!_isCount(totalTokens) || !_isCount(inputTokens) || !_isCount(outputTokens)) return undefined;
  const inputTokensDetails = copyDetails((input as Record<string, unknown>).inputTokensDetails);
  if (inputTokensDetails === undefined) return undefined;
  const { outputTokensDetails: output, cachedTokens, cachedTokensDetails: cached } = input as Record<string, unknown>;
  const outputTokensDetails = output === undefined ? undefined : copyDetails(output);
  if (output !== undefined && outputTokensDetails === undefined) return undefined;
  // Without cached fields, one literal of the keys there are: the output of most producers, built fastest.
  if (cachedTokens === undefined && cached === undefined) {
    return outputTokensDetails === undefined
      ? { totalTokens, inputTokens, outputTokens, inputTokensDetails }
      : { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails };
  }
  return withCached({ totalTokens, inputTokens, outputTokens, inputTokensDetails }, outputTokensDetails, cachedTokens, cached === undefined, copyCachedDetails(cached));
}

/**
 * A copy with its cached fields: the output details (when present), the
 * checked cached count (when present) and the copied cached details (unless
 * absent), or `undefined` when one of them is not valid.
 */
function withCached(
  usage: ImageUsage,
  outputTokensDetails: ImageUsage['outputTokensDetails'],
  cachedTokens: unknown,
  absent: boolean,
  cachedTokensDetails: ImageUsage['cachedTokensDetails'],
): ImageUsage | undefined {
  if (outputTokensDetails !== undefined) usage.outputTokensDetails = outputTokensDetails;
  if (cachedTokens !== undefined) {
    if (!_isCount(cachedTokens)) return undefined;
    usage.cachedTokens = cachedTokens;
  }
  if (absent) return usage;
  if (cachedTokensDetails === undefined) return undefined;
  usage.cachedTokensDetails = cachedTokensDetails;
  return usage;
}

/**
 * Checks and copies a wire-form usage object under the default rules into
 * the SDK form; `null` or absent details objects are left out, as is an
 * absent `cached_tokens`.
 *
 * @param input The object to copy.
 *
 * @returns The copy, or `undefined` when a field is not valid.
 */
export function _copyWireImageUsage(input: object): ImageUsage | undefined {
  const { total_tokens: totalTokens, input_tokens: inputTokens, output_tokens: outputTokens } = input as Record<string, unknown>;
  if (!_isCount(totalTokens) || !_isCount(inputTokens) || !_isCount(outputTokens)) return undefined;
  const inputTokensDetails = copyWireDetails((input as Record<string, unknown>).input_tokens_details);
  if (inputTokensDetails === undefined) return undefined;
  const { output_tokens_details: output, cached_tokens: cachedTokens, cached_tokens_details: cached } = input as Record<string, unknown>;
  const outputTokensDetails = output == null ? undefined : copyWireDetails(output);
  if (output != null && outputTokensDetails === undefined) return undefined;
  if (cachedTokens === undefined && cached == null) {
    return outputTokensDetails === undefined
      ? { totalTokens, inputTokens, outputTokens, inputTokensDetails }
      : { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails };
  }
  return withCached({ totalTokens, inputTokens, outputTokens, inputTokensDetails }, outputTokensDetails, cachedTokens, cached == null, copyWireCachedDetails(cached));
}
