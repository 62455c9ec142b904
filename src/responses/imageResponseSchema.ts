import { _SDK, _usageKeys, _WIRE } from '../_shape.ts';
import { StrictWireOrSdkImageUsageSchema, WireOrSdkImageUsageSchema } from '../schemas/WireOrSdkImageUsageSchema.ts';
import type { ImageResponseSchemaType, ImageResponseShape, ParseImageResponseOptions } from './ImageResponse.ts';
import { _responseSchema } from './_readResponse.ts';
import { _field, type _Found, _hasAny, _isObject, _model, _notOfShape, type _Path, type _Reading } from './_reading.ts';
import { _CHAT_USAGE, _GEMINI_RESPONSE, _OPENAI_IMAGE_EVENT, _OPENAI_IMAGES, _OPENAI_RESPONSES, _OPENROUTER, type _ResponseShape } from './_shapes.ts';
import { _readUsage } from './_usage.ts';
import { _readGeminiResponse } from './geminiResponseSchema.ts';
import { _readOpenAIImageEvent } from './openAIImageEventSchema.ts';
import { _readOpenAIImages } from './openAIImagesResponseSchema.ts';
import { _readOpenAIResponses } from './openAIResponsesSchema.ts';
import { _readOpenRouter } from './openRouterResponseSchema.ts';

/** A bare usage object, in either form: what `parseImageUsage` takes. */
const USAGE: _ResponseShape = {
  shape: 'usage',
  keys: /* @__PURE__ */ [..._usageKeys(_WIRE), ..._usageKeys(_SDK)],
  expected: 'a usage object',
};

/** What a message says was expected of a body of no known shape. */
const ANY = 'an image API response (usage, data, b64_json, output, tool_usage, usageMetadata, candidates or choices) or a usage object';

/** Reads a bare usage object, either form, under the rules for partial usage; the model where it names one. */
function readBareUsage(body: object, path: _Path, reading: _Reading): _Found {
  const schema = reading.strict ? StrictWireOrSdkImageUsageSchema : WireOrSdkImageUsageSchema;
  return {
    shape: USAGE.shape,
    model: _model(reading, path, body, 'model'),
    usage: _readUsage(reading, path, body, [_WIRE, _SDK], schema),
    images: 0,
    reportedCost: undefined,
  };
}

/** Whether a usage object is chat-style (OpenRouter's): `prompt_tokens` or `completion_tokens`. */
function isChatUsage(usage: unknown): boolean {
  return _isObject(usage) && _hasAny(usage, [_CHAT_USAGE.prompt, _CHAT_USAGE.completion]);
}

/**
 * Tells the shape of a body by its keys, in this order: the Responses API
 * (`output`, `tool_usage`, or `response` around them), Gemini
 * (`usageMetadata`, `candidates`, `modelVersion`), OpenRouter (`choices`, or
 * a chat-style `usage`), an OpenAI image event (`b64_json`,
 * `partial_image_index`, `created_at`), the Images API (`data`, `created`,
 * `usage`), a bare usage object (its keys, either form), and an error body
 * (`error`: Gemini's when it has a `status`, else as the Images API's);
 * then reads it with the reader of that shape.
 *
 * @param body The body.
 * @param path The path to it.
 * @param reading The read.
 *
 * @returns What it holds, or `undefined`.
 */
export function _readAnyResponse(body: object, path: _Path, reading: _Reading): _Found | undefined {
  if (_hasAny(body, _OPENAI_RESPONSES.keys)) return _readOpenAIResponses(body, path, reading);
  if (_hasAny(body, _GEMINI_RESPONSE.keys)) return _readGeminiResponse(body, path, reading);
  if ('choices' in body || isChatUsage(_field(body, 'usage'))) return _readOpenRouter(body, path, reading);
  if (_hasAny(body, _OPENAI_IMAGE_EVENT.keys)) return _readOpenAIImageEvent(body, path, reading);
  if (_hasAny(body, _OPENAI_IMAGES.keys)) return _readOpenAIImages(body, path, reading);
  if (_hasAny(body, USAGE.keys)) return readBareUsage(body, path, reading);
  // An error body: Gemini's has a status (google.rpc.Status), the others are read as the Images API's.
  const error = _field(body, 'error');
  const gemini = _isObject(error) && typeof _field(error, 'status') === 'string';
  return _notOfShape(reading, path, body, { shape: (gemini ? _GEMINI_RESPONSE : _OPENAI_IMAGES).shape, keys: [], expected: ANY });
}

/** Every shape, in the order they are looked for. */
const SHAPES: readonly ImageResponseShape[] = [
  _OPENAI_RESPONSES.shape,
  _GEMINI_RESPONSE.shape,
  _OPENROUTER.shape,
  _OPENAI_IMAGE_EVENT.shape,
  _OPENAI_IMAGES.shape,
  USAGE.shape,
];

/**
 * Creates the schema of any whole response of an image API it knows, told
 * apart by its keys (never by an event's `type` string): OpenAI's Images API
 * and its streamed events, the Responses API (and `response.completed`),
 * Gemini and Vertex AI (a body or one chunk of a stream), OpenRouter, and a
 * bare usage object in either form. Its output is an `ImageResponse`: the
 * shape, the model (the body's, else the `model` option), the usage (cached
 * tokens included; `undefined` when the body reports none, never zeros), the
 * number of images, and the cost the provider reports. Partial usage is read
 * by the rules of docs/responses.md: an empty details object is absent, a
 * missing figure that is exactly derivable is derived (and listed in
 * `derived`), one that would be a guess is an issue. An error body
 * (`{ error }`) reports no usage and no image.
 *
 * @param options The model of the request, how to read OpenRouter's prompt tokens, and `strict` for the strict rules.
 *
 * @returns The schema.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { imageResponseSchema } from 'image-usage';
 *
 * const Response = imageResponseSchema({ model: 'gpt-image-1.5', openRouterPromptTokens: 'text' });
 * const { shape, model, usage, images } = v.parse(Response, JSON.parse(line));
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function imageResponseSchema(options?: ParseImageResponseOptions): ImageResponseSchemaType {
  return _responseSchema(imageResponseSchema, _readAnyResponse, SHAPES, options);
}
