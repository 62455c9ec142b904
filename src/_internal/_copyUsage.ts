import type { ImageUsage, TokensDetails } from '../types/index.ts';
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

/**
 * Checks and copies an SDK-form usage object under the default rules;
 * `outputTokensDetails: undefined` is left out.
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
  const output: unknown = (input as Record<string, unknown>).outputTokensDetails;
  if (output === undefined) return { totalTokens, inputTokens, outputTokens, inputTokensDetails };
  const outputTokensDetails = copyDetails(output);
  return outputTokensDetails && { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails };
}

/**
 * Checks and copies a wire-form usage object under the default rules into
 * the SDK form; `null` or absent output details are left out.
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
  const output: unknown = (input as Record<string, unknown>).output_tokens_details;
  if (output == null) return { totalTokens, inputTokens, outputTokens, inputTokensDetails };
  const outputTokensDetails = copyWireDetails(output);
  return outputTokensDetails && { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails };
}
