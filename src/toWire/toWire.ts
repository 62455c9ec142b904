import { _WIRE } from '../_shape.ts';
import { _readUsage } from '../_internal/_readUsage.ts';
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
export function toWire(usage: ImageUsage): WireImageUsage {
  const counts = new Float64Array(7);
  const hasOutputDetails = _readUsage(usage, counts, 'toWire: usage');
  const { counts: keys, details, split } = _WIRE;
  const wire: Record<string, unknown> = {};
  keys.forEach((key, slot) => (wire[key] = counts[slot]));
  for (let object = 0; object < (hasOutputDetails ? 2 : 1); object++) {
    wire[details[object]!] = { [split[0]]: counts[3 + 2 * object], [split[1]]: counts[4 + 2 * object] };
  }
  return wire as unknown as WireImageUsage;
}
