import { _OBJECT } from '../_shape.ts';
import type { ImageResponseSchemaType, ParseImageResponseOptions } from './ImageResponse.ts';
import { _responseSchema } from './_readResponse.ts';
import { _addIssue, _at, _field, type _Found, _hasAny, _isObject, _items, _model, _notOfShape, type _Path, type _Reading } from './_reading.ts';
import { _OPENAI_IMAGES } from './_shapes.ts';
import { _readWireUsage } from './_usage.ts';

/**
 * Reads a body of OpenAI's Images API: the usage at `usage` (wire form), an
 * image per item of `data`, the model only where the body names one (OpenAI
 * does not: it is the request's).
 *
 * @param body The body.
 * @param path The path to it.
 * @param reading The read.
 *
 * @returns What it holds, or `undefined`.
 */
export function _readOpenAIImages(body: object, path: _Path, reading: _Reading): _Found | undefined {
  if (!_hasAny(body, _OPENAI_IMAGES.keys)) return _notOfShape(reading, path, body, _OPENAI_IMAGES);
  const data = _field(body, 'data');
  const dataPath = _at(path, body, 'data', data);
  const images = _items(reading, dataPath, data);
  images.forEach((image, index) => {
    if (!_isObject(image)) _addIssue(reading, _at(dataPath, data as unknown[], index, image), image, _OBJECT.expected);
  });
  const usage = _field(body, 'usage');
  return {
    shape: _OPENAI_IMAGES.shape,
    model: _model(reading, path, body, 'model'),
    usage: _readWireUsage(reading, _at(path, body, 'usage', usage), usage),
    images: images.length,
    reportedCost: undefined,
  };
}

/**
 * Creates the schema of a body of OpenAI's Images API (`images.generate`,
 * `images.edit`: `{ created, data, usage?, ... }`): its output is an
 * `ImageResponse` with the usage of `usage` (wire form, cached tokens
 * included; `undefined` when the body has none, as a `dall-e` one), one image
 * per item of `data`, and the `model` option as the model, as the body names
 * none. Only this shape's code and keys ride along in a bundle that imports
 * it.
 *
 * @param options The model of the request, and `strict` for the strict rules.
 *
 * @returns The schema.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { openAIImagesResponseSchema } from 'image-usage';
 *
 * const Body = openAIImagesResponseSchema({ model: 'gpt-image-1.5', strict: true });
 * const { usage, images } = v.parse(Body, await response.json());
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function openAIImagesResponseSchema(options?: ParseImageResponseOptions): ImageResponseSchemaType {
  return _responseSchema(openAIImagesResponseSchema, _readOpenAIImages, [_OPENAI_IMAGES.shape], options);
}
