import type { ImageUsage } from '../types/index.ts';
import { _parseUsage } from './_parseUsage.ts';
import { ImageUsageError } from './ImageUsageError.ts';
import type { ParseImageUsageOptions } from './safeParseImageUsage.ts';

/**
 * Parses a usage object in either form, told apart by its keys: snake_case
 * for the API's wire form, camelCase for the SDK's. Returns a fresh SDK-form
 * object holding only the known fields; the input is never mutated. It is the
 * run of `WireOrSdkImageUsageSchema` (or `StrictWireOrSdkImageUsageSchema`).
 *
 * @param input The value to parse.
 * @param options `strict: true` for safe integers and consistent sums.
 *
 * @returns The usage object in the SDK form.
 *
 * @throws {ImageUsageError} When the input is not a valid usage object; its
 * message lists each problem as `path: what was expected, received what`.
 *
 * @example
 * ```ts
 * import { parseImageUsage } from 'image-usage';
 *
 * const usage = parseImageUsage({
 *   total_tokens: 4212,
 *   input_tokens: 52,
 *   output_tokens: 4160,
 *   input_tokens_details: { text_tokens: 52, image_tokens: 0 },
 * });
 * usage.outputTokens; // 4160
 * ```
 */
export function parseImageUsage(input: unknown, options?: ParseImageUsageOptions): ImageUsage {
  const { value, issues } = _parseUsage(input, options);
  if (issues) throw new ImageUsageError(issues);
  return value;
}
