import type { ImageUsage, TokensDetails } from '../types/index.ts';
import { _matchesImageUsage } from './_matchesImageUsage.ts';

// The copiers of the schemas: each reads the fields of its form once into a
// fresh SDK-form object holding only the known keys. They are both the
// transformation at the end of each schema's pipe and the first half of its
// fast path (the check of the copy is the second). The keys are written out
// for speed; test/shape.test.ts derives what each must copy from `_shape.ts`.

/** A details object's two counts, or `null` for a value that is not an object (which the check of the copy rejects). */
function copyDetails(details: unknown): TokensDetails | null {
  if (typeof details !== 'object' || details === null) return null;
  const { textTokens, imageTokens } = details as TokensDetails;
  return { textTokens, imageTokens };
}

/** A wire-form details object's two counts in the SDK form, or `null` for a value that is not an object. */
function copyWireDetails(details: unknown): TokensDetails | null {
  if (typeof details !== 'object' || details === null) return null;
  const { text_tokens: textTokens, image_tokens: imageTokens } = details as Record<string, number>;
  return { textTokens, imageTokens } as TokensDetails;
}

/** The copy, without output details when there are none. */
function usage(
  totalTokens: unknown,
  inputTokens: unknown,
  outputTokens: unknown,
  inputTokensDetails: TokensDetails | null,
  outputTokensDetails: TokensDetails | null | undefined,
): ImageUsage {
  return (
    outputTokensDetails === undefined
      ? { totalTokens, inputTokens, outputTokens, inputTokensDetails }
      : { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails }
  ) as ImageUsage;
}

/**
 * Copies the fields of an SDK-form usage object (an object) into a fresh one;
 * `outputTokensDetails: undefined` is left out.
 *
 * @param input The object to copy.
 *
 * @returns The copy, which may be invalid: check it.
 */
export function _copyImageUsage(input: object): ImageUsage {
  const { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails } = input as Record<string, unknown>;
  return usage(
    totalTokens,
    inputTokens,
    outputTokens,
    copyDetails(inputTokensDetails),
    outputTokensDetails === undefined ? undefined : copyDetails(outputTokensDetails),
  );
}

/**
 * Copies the fields of a wire-form usage object (an object) into a fresh
 * SDK-form one; `null` or absent output details are left out.
 *
 * @param input The object to copy.
 *
 * @returns The copy, which may be invalid: check it.
 */
export function _copyWireImageUsage(input: object): ImageUsage {
  const {
    total_tokens: totalTokens,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    input_tokens_details: inputDetails,
    output_tokens_details: outputDetails,
  } = input as Record<string, unknown>;
  return usage(
    totalTokens,
    inputTokens,
    outputTokens,
    copyWireDetails(inputDetails),
    outputDetails == null ? undefined : copyWireDetails(outputDetails),
  );
}

/**
 * The fast path of the SDK-form schemas: a checked copy of valid input under
 * the default rules, or `undefined`.
 *
 * @param input The input.
 *
 * @returns The copy, or `undefined`.
 */
export function _readImageUsage(input: unknown): ImageUsage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const copy = _copyImageUsage(input);
  return _matchesImageUsage(copy) ? copy : undefined;
}

/**
 * The fast path of the wire-form schemas: a checked SDK-form copy of valid
 * input under the default rules, or `undefined`.
 *
 * @param input The input.
 *
 * @returns The copy, or `undefined`.
 */
export function _readWireImageUsage(input: unknown): ImageUsage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const copy = _copyWireImageUsage(input);
  return _matchesImageUsage(copy) ? copy : undefined;
}
