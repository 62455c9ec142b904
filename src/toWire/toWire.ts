import { assertImageUsage } from '../isImageUsage/assertImageUsage.ts';
import type { ImageUsage, WireImageUsage } from '../types/index.ts';

/**
 * Converts an SDK-form usage object back to the API's snake_case JSON form:
 * the inverse of `WireImageUsageSchema`. `output_tokens_details` is present
 * only when `outputTokensDetails` is. The output is a fresh object.
 *
 * @param usage The usage object, in the SDK form.
 *
 * @returns The usage object in the wire form.
 *
 * @throws {TypeError} When `usage` is not a valid `ImageUsage`, naming the field.
 *
 * @example
 * ```ts
 * import { toWire } from 'image-usage';
 *
 * JSON.stringify(toWire(usage)); // '{"total_tokens":4212,...}'
 * ```
 */
export function toWire(usage: ImageUsage): WireImageUsage {
  assertImageUsage(usage, 'toWire: usage');
  const { inputTokensDetails: inputDetails, outputTokensDetails: outputDetails } = usage;
  const wire: WireImageUsage = {
    total_tokens: usage.totalTokens,
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    input_tokens_details: { text_tokens: inputDetails.textTokens, image_tokens: inputDetails.imageTokens },
  };
  if (outputDetails !== undefined) {
    wire.output_tokens_details = { text_tokens: outputDetails.textTokens, image_tokens: outputDetails.imageTokens };
  }
  return wire;
}
