import { countsOf, DEFAULT_TOLERANCE, findBrokenRules } from '../checkImageUsage/rules.ts';
import { matchesImageUsage } from '../isImageUsage/isImageUsage.ts';
import type { ImageUsage, TokensDetails, WireTokensDetails } from '../types/index.ts';

// The fast paths of the schemas. A copier reads each field once into a fresh
// SDK-form object (it is also the transformation at the end of the full
// schema); the check of `isImageUsage` then runs on the copy, which is plain
// data, so a getter cannot answer differently the second time. When the copy is not
// valid, the full valibot schema runs to report the issues. The fast paths
// must accept exactly what the full schemas accept and build the same output:
// test/properties.test.ts checks that with fast-check.

/** The SDK form as the copier reads it: anything may be wrong. @internal */
type SdkFields = {
  readonly totalTokens: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly inputTokensDetails: TokensDetails;
  readonly outputTokensDetails?: TokensDetails | undefined;
};

/** The wire form as the copier reads it: anything may be wrong. @internal */
type WireFields = {
  readonly total_tokens: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly input_tokens_details: WireTokensDetails;
  readonly output_tokens_details?: WireTokensDetails | null | undefined;
};

/** Builds an SDK-form usage object, leaving out absent output details. @internal */
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
 * Copies an SDK-form details object's two counts, or gives `null` for a value
 * that is not an object (which the check of the copy then rejects, as valibot does).
 *
 * @internal
 */
function copyDetails(details: unknown): TokensDetails | null {
  if (typeof details !== 'object' || details === null) return null;
  return { textTokens: (details as TokensDetails).textTokens, imageTokens: (details as TokensDetails).imageTokens };
}

/**
 * Copies a wire-form details object's two counts into the SDK form, or gives
 * `null` for a value that is not an object.
 *
 * @internal
 */
function copyWireDetails(details: unknown): TokensDetails | null {
  if (typeof details !== 'object' || details === null) return null;
  const { text_tokens: textTokens, image_tokens: imageTokens } = details as WireTokensDetails;
  return { textTokens, imageTokens };
}

/**
 * Copies the SDK-form fields into a fresh object with only the known keys;
 * `outputTokensDetails: undefined` is left out.
 *
 * @internal
 */
export function copyImageUsage(input: SdkFields): ImageUsage {
  const { inputTokensDetails: inputDetails, outputTokensDetails: outputDetails } = input;
  return usage(
    input.totalTokens,
    input.inputTokens,
    input.outputTokens,
    copyDetails(inputDetails)!,
    outputDetails === undefined ? undefined : copyDetails(outputDetails)!,
  );
}

/**
 * Copies the wire-form fields into a fresh SDK-form object; `null` or absent
 * output details are left out.
 *
 * @internal
 */
export function copyWireImageUsage(input: WireFields): ImageUsage {
  const { input_tokens_details: inputDetails, output_tokens_details: outputDetails } = input;
  return usage(
    input.total_tokens,
    input.input_tokens,
    input.output_tokens,
    copyWireDetails(inputDetails)!,
    outputDetails == null ? undefined : copyWireDetails(outputDetails)!,
  );
}

/**
 * The fast path of `ImageUsageSchema`: a fresh copy, or `undefined`.
 *
 * @internal
 */
export function readImageUsage(input: unknown): ImageUsage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const output = copyImageUsage(input as SdkFields);
  return matchesImageUsage(output) ? output : undefined;
}

/**
 * The fast path of `WireImageUsageSchema`: a fresh SDK-form copy, or `undefined`.
 *
 * @internal
 */
export function readWireImageUsage(input: unknown): ImageUsage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const output = copyWireImageUsage(input as WireFields);
  return matchesImageUsage(output) ? output : undefined;
}

/**
 * Whether a valid usage object also meets the strict rules: every count a
 * safe integer and every consistency rule holding.
 *
 * @internal
 */
function isStrict(usage: ImageUsage): boolean {
  const counts = countsOf(usage);
  return (
    counts.every(Number.isSafeInteger) &&
    findBrokenRules(counts, usage.outputTokensDetails !== undefined, DEFAULT_TOLERANCE).length === 0
  );
}

/**
 * The fast path of `StrictImageUsageSchema`: a fresh copy, or `undefined`.
 *
 * @internal
 */
export function readStrictImageUsage(input: unknown): ImageUsage | undefined {
  const output = readImageUsage(input);
  return output !== undefined && isStrict(output) ? output : undefined;
}

/**
 * The fast path of `StrictWireImageUsageSchema`: a fresh SDK-form copy, or `undefined`.
 *
 * @internal
 */
export function readStrictWireImageUsage(input: unknown): ImageUsage | undefined {
  const output = readWireImageUsage(input);
  return output !== undefined && isStrict(output) ? output : undefined;
}
