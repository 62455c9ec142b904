import { DEFAULT_TOLERANCE, findBrokenRules, SDK_NAMES } from '../checkImageUsage/rules.ts';
import { isCount, isStrictCount } from '../isImageUsage/isCount.ts';
import type { ImageUsage, TokensDetails, WireTokensDetails } from '../types/index.ts';

// The fast paths. Each reads every field once, checks it by hand and builds a
// fresh output object, or answers `undefined` and leaves the reporting to the
// full valibot schema. They must accept exactly what the schemas accept and
// build the same output (test/fastPath.test.ts checks that with fast-check).

/**
 * Reads `{ textTokens, imageTokens }` style counts into a fresh object.
 *
 * @internal
 */
function details(text: unknown, image: unknown): TokensDetails | undefined {
  return isCount(text) && isCount(image) ? { textTokens: text, imageTokens: image } : undefined;
}

/**
 * Builds an SDK-form usage object, leaving out absent output details.
 *
 * @internal
 */
function usage(
  totalTokens: number,
  inputTokens: number,
  outputTokens: number,
  inputTokensDetails: TokensDetails,
  outputTokensDetails: TokensDetails | undefined,
): ImageUsage {
  return outputTokensDetails === undefined
    ? { totalTokens, inputTokens, outputTokens, inputTokensDetails }
    : { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails };
}

/**
 * The fast path of `ImageUsageSchema`: an SDK-form object under the default
 * rules, copied; `undefined` when anything is off.
 *
 * @param input The value to read.
 *
 * @returns A fresh {@link ImageUsage}, or `undefined`.
 *
 * @internal
 */
export function readImageUsage(input: unknown): ImageUsage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { totalTokens, inputTokens, outputTokens, inputTokensDetails: inputDetails, outputTokensDetails: outputDetails } =
    input as Record<string, unknown>;
  if (!isCount(totalTokens) || !isCount(inputTokens) || !isCount(outputTokens)) return undefined;
  if (typeof inputDetails !== 'object' || inputDetails === null) return undefined;
  const { textTokens, imageTokens } = inputDetails as Record<string, unknown>;
  const inputTokensDetails = details(textTokens, imageTokens);
  if (inputTokensDetails === undefined) return undefined;
  if (outputDetails === undefined) return usage(totalTokens, inputTokens, outputTokens, inputTokensDetails, undefined);
  if (typeof outputDetails !== 'object' || outputDetails === null) return undefined;
  const output = outputDetails as Record<string, unknown>;
  const outputTokensDetails = details(output.textTokens, output.imageTokens);
  if (outputTokensDetails === undefined) return undefined;
  return usage(totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails);
}

/**
 * The fast path of `WireImageUsageSchema`: a wire-form object under the
 * default rules, converted to the SDK form; `undefined` when anything is off.
 *
 * @param input The value to read.
 *
 * @returns A fresh {@link ImageUsage}, or `undefined`.
 *
 * @internal
 */
export function readWireImageUsage(input: unknown): ImageUsage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const {
    total_tokens: totalTokens,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    input_tokens_details: inputDetails,
    output_tokens_details: outputDetails,
  } = input as Record<string, unknown>;
  if (!isCount(totalTokens) || !isCount(inputTokens) || !isCount(outputTokens)) return undefined;
  if (typeof inputDetails !== 'object' || inputDetails === null) return undefined;
  const { text_tokens: textTokens, image_tokens: imageTokens } = inputDetails as Record<string, unknown>;
  const inputTokensDetails = details(textTokens, imageTokens);
  if (inputTokensDetails === undefined) return undefined;
  if (outputDetails === undefined || outputDetails === null) {
    return usage(totalTokens, inputTokens, outputTokens, inputTokensDetails, undefined);
  }
  if (typeof outputDetails !== 'object') return undefined;
  const output = outputDetails as Record<string, unknown>;
  const outputTokensDetails = details(output.text_tokens, output.image_tokens);
  if (outputTokensDetails === undefined) return undefined;
  return usage(totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails);
}

/**
 * Whether a valid usage object also meets the strict rules: every count a
 * safe integer and every consistency rule holding.
 *
 * @internal
 */
function isStrict(usage: ImageUsage): boolean {
  const { inputTokensDetails: inputDetails, outputTokensDetails: outputDetails } = usage;
  return (
    isStrictCount(usage.totalTokens) &&
    isStrictCount(usage.inputTokens) &&
    isStrictCount(usage.outputTokens) &&
    isStrictCount(inputDetails.textTokens) &&
    isStrictCount(inputDetails.imageTokens) &&
    (outputDetails === undefined ||
      (isStrictCount(outputDetails.textTokens) && isStrictCount(outputDetails.imageTokens))) &&
    findBrokenRules(usage, DEFAULT_TOLERANCE, SDK_NAMES).length === 0
  );
}

/**
 * The fast path of `StrictImageUsageSchema`.
 *
 * @internal
 */
export function readStrictImageUsage(input: unknown): ImageUsage | undefined {
  const output = readImageUsage(input);
  return output !== undefined && isStrict(output) ? output : undefined;
}

/**
 * The fast path of `StrictWireImageUsageSchema`.
 *
 * @internal
 */
export function readStrictWireImageUsage(input: unknown): ImageUsage | undefined {
  const output = readWireImageUsage(input);
  return output !== undefined && isStrict(output) ? output : undefined;
}

/**
 * The transformation at the end of the SDK-form schemas: a fresh object with
 * only the known keys, `outputTokensDetails` left out when `undefined`.
 *
 * @internal
 */
export function normalizeImageUsage(input: {
  totalTokens: number;
  inputTokens: number;
  outputTokens: number;
  inputTokensDetails: TokensDetails;
  outputTokensDetails?: TokensDetails | undefined;
}): ImageUsage {
  return usage(input.totalTokens, input.inputTokens, input.outputTokens, input.inputTokensDetails, input.outputTokensDetails);
}

/**
 * The transformation at the end of the wire-form schemas: snake_case in,
 * camelCase out, `null` output details left out.
 *
 * @internal
 */
export function fromWireImageUsage(input: {
  total_tokens: number;
  input_tokens: number;
  output_tokens: number;
  input_tokens_details: WireTokensDetails;
  output_tokens_details?: WireTokensDetails | null | undefined;
}): ImageUsage {
  const inputDetails = input.input_tokens_details;
  const outputDetails = input.output_tokens_details;
  return usage(
    input.total_tokens,
    input.input_tokens,
    input.output_tokens,
    { textTokens: inputDetails.text_tokens, imageTokens: inputDetails.image_tokens },
    outputDetails == null ? undefined : { textTokens: outputDetails.text_tokens, imageTokens: outputDetails.image_tokens },
  );
}
