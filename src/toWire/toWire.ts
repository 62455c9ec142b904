import { readCounts } from '../internal/readCounts.ts';
import type { ImageUsage, WireImageUsage, WireTokensDetails } from '../types/index.ts';

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
  const counts = new Float64Array(7);
  const hasOutputDetails = readCounts(usage, counts, 'toWire: usage');
  const details = (text: number, image: number): WireTokensDetails => ({
    text_tokens: counts[text]!,
    image_tokens: counts[image]!,
  });
  const wire: WireImageUsage = {
    total_tokens: counts[0]!,
    input_tokens: counts[1]!,
    output_tokens: counts[2]!,
    input_tokens_details: details(3, 4),
  };
  if (hasOutputDetails) wire.output_tokens_details = details(5, 6);
  return wire;
}
