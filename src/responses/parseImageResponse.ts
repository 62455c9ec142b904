import { _GLOBAL_CONFIG } from '../_internal/_globalConfig.ts';
import { ImageUsageError } from '../parse/ImageUsageError.ts';
import type { ImageResponse, ParseImageResponseOptions } from './ImageResponse.ts';
import { _readResponse, _settings } from './_readResponse.ts';
import { _readAnyResponse } from './imageResponseSchema.ts';

/**
 * Reads a whole response of an image API, of any shape the package knows
 * (told apart by its keys): OpenAI's Images API and its streamed events, the
 * Responses API, Gemini and Vertex AI, OpenRouter, or a bare usage object.
 * Returns the shape, the model (the body's, else `options.model`), the usage
 * as an `ImageUsage` (cached tokens included; `undefined` when the body
 * reports none, never zeros), the number of images and the provider's
 * reported cost, as a fresh object; the input is never mutated.
 *
 * @param input The response: a parsed JSON body, an event, a log line's object.
 * @param options The model of the request, how to read OpenRouter's prompt tokens, and `strict`.
 *
 * @returns What the response holds.
 *
 * @throws {ImageUsageError} When the input is not a response of a known shape
 * or its usage is not valid; its message lists each problem as
 * `path: what was expected, received what`, with the path from the response.
 *
 * @example
 * ```ts
 * import { estimateCost, parseImageResponse } from 'image-usage';
 *
 * const { model, usage, images } = parseImageResponse(await response.json(), { model: 'gpt-image-1.5' });
 * if (usage !== undefined) console.log(model, images, estimateCost(usage, prices));
 * ```
 */
export function parseImageResponse(input: unknown, options?: ParseImageResponseOptions): ImageResponse {
  const { value, issues } = _readResponse(input, _settings(options), _readAnyResponse, _GLOBAL_CONFIG);
  if (issues) throw new ImageUsageError(issues);
  return value;
}
