import type { ImageResponseSchemaType, ParseImageResponseOptions } from './ImageResponse.ts';
import { _responseSchema } from './_readResponse.ts';
import { _at, _field, type _Found, _hasAny, _model, _notOfShape, type _Path, type _Reading } from './_reading.ts';
import { _OPENAI_IMAGE_EVENT, _PARTIAL_IMAGE } from './_shapes.ts';
import { _readWireUsage } from './_usage.ts';

/**
 * Reads a streamed event of OpenAI's Images API: a completed one carries one
 * image and (for the GPT image models) a usage, a partial one
 * (`partial_image_index`) a preview and no usage.
 *
 * @param body The event.
 * @param path The path to it.
 * @param reading The read.
 *
 * @returns What it holds, or `undefined`.
 */
export function _readOpenAIImageEvent(body: object, path: _Path, reading: _Reading): _Found | undefined {
  if (!_hasAny(body, _OPENAI_IMAGE_EVENT.keys)) return _notOfShape(reading, path, body, _OPENAI_IMAGE_EVENT);
  const usage = _field(body, 'usage');
  return {
    shape: _OPENAI_IMAGE_EVENT.shape,
    model: _model(reading, path, body, 'model'),
    usage: _readWireUsage(reading, _at(path, body, 'usage', usage), usage),
    images: _hasAny(body, _PARTIAL_IMAGE) ? 0 : 1,
    reportedCost: undefined,
  };
}

/**
 * Creates the schema of a streamed image event of OpenAI
 * (`image_generation.completed`, `image_edit.completed`, their
 * `partial_image` events, and the Responses API's
 * `response.image_generation_call.partial_image`), told apart by its keys,
 * not by its `type`: a completed event is one image with its usage (wire
 * form; it has no `output_tokens_details`), a partial one no image and no
 * usage (`usage: undefined`).
 *
 * @param options The model of the request, and `strict` for the strict rules.
 *
 * @returns The schema.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { openAIImageEventSchema } from 'image-usage';
 *
 * const Event = openAIImageEventSchema({ model: 'gpt-image-1.5' });
 * for await (const event of stream) {
 *   const { usage } = v.parse(Event, event);
 *   if (usage !== undefined) meter(usage);
 * }
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function openAIImageEventSchema(options?: ParseImageResponseOptions): ImageResponseSchemaType {
  return _responseSchema(openAIImageEventSchema, _readOpenAIImageEvent, [_OPENAI_IMAGE_EVENT.shape], options);
}
