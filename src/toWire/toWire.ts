import { _CACHED, _CACHED_DETAILS, _COUNTS, _OUTPUT_DETAILS, _WIRE } from '../_shape.ts';
import { _readUsage } from '../_internal/_readUsage.ts';
import type { ImageUsage, WireCachedTokensDetails, WireImageUsage, WireTokensDetails } from '../types/index.ts';

/**
 * The wire form as {@link toWire} writes it: a `WireImageUsage` whose details
 * objects are never `null` (absent instead), so that it is assignable to the
 * `openai` package's `ImagesResponse.Usage` (openai 6 and 7) and, with the
 * cached fields, to the Responses API's `Response.ToolUsage.ImageGen`
 * (openai 7).
 *
 * @example
 * ```ts
 * import type { ImagesResponse } from 'openai/resources/images';
 * import { toWire, type ToWireResult } from 'image-usage';
 *
 * const wire: ToWireResult = toWire(usage);
 * const forOpenAI: ImagesResponse.Usage = wire;
 * ```
 */
export interface ToWireResult extends WireImageUsage {
  /** The output tokens split by modality, when the usage has them. */
  output_tokens_details?: WireTokensDetails;
  /** The cached input tokens split by modality, when the usage has them. */
  cached_tokens_details?: WireCachedTokensDetails;
}

/**
 * Converts an SDK-form usage object back to the API's snake_case JSON form:
 * the inverse of `WireImageUsageSchema`. `output_tokens_details`,
 * `cached_tokens` and `cached_tokens_details` are present only when their
 * SDK-form keys are (never `null`: the type says so). The output is a fresh
 * object.
 *
 * @param usage The usage object, in the SDK form.
 *
 * @returns The usage object in the wire form.
 *
 * @throws {TypeError} When `usage` is not a valid `ImageUsage`, naming the
 * field (or saying it is in the wire form already).
 *
 * @example
 * ```ts
 * import { toWire } from 'image-usage';
 *
 * JSON.stringify(toWire(usage)); // '{"total_tokens":4212,...}'
 * ```
 */
export function toWire(usage: ImageUsage): ToWireResult {
  const counts = new Float64Array(_COUNTS);
  const present = _readUsage(usage, counts, 'toWire: usage');
  const { counts: keys, details, split, cached } = _WIRE;
  const wire: Record<string, unknown> = {};
  keys.forEach((key, slot) => (wire[key] = counts[slot]));
  wire[details[0]] = { [split[0]]: counts[3], [split[1]]: counts[4] };
  if (present & _OUTPUT_DETAILS) wire[details[1]] = { [split[0]]: counts[5], [split[1]]: counts[6] };
  if (present & _CACHED) wire[cached[0]] = counts[7];
  if (present & _CACHED_DETAILS) wire[cached[1]] = { [cached[2]]: counts[8], [cached[3]]: counts[9] };
  return wire as unknown as ToWireResult;
}
