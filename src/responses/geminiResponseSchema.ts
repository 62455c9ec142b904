import { _GEMINI, _OBJECT } from '../_shape.ts';
import { _describeValue } from '../_internal/_describeValue.ts';
import { GeminiUsageMetadataSchema, StrictGeminiUsageMetadataSchema } from '../schemas/GeminiUsageMetadataSchema.ts';
import type { ImageUsage } from '../types/index.ts';
import type { ImageResponseSchemaType, ParseImageResponseOptions } from './ImageResponse.ts';
import { _responseSchema } from './_readResponse.ts';
import { _addIssue, _addIssuesAt, _at, _field, type _Found, _hasAny, _isObject, _items, _model, _notOfShape, _object, type _Path, type _Reading } from './_reading.ts';
import { _GEMINI_RESPONSE } from './_shapes.ts';

/** Every key of Gemini's usage object: a `usageMetadata` with none of them is not one (never zeros). */
const USAGE_KEYS = /* @__PURE__ */ [..._GEMINI.counts, ...Object.keys(_GEMINI.details)];

/** What a message says was expected of a `usageMetadata` without any of them. */
const USAGE_EXPECTED = `Gemini's usage keys (${_GEMINI.counts[0]!}, ...)`;

/** Reads `usageMetadata` with the Gemini schema of the rules of the read. */
function readUsage(reading: _Reading, path: _Path, value: unknown): ImageUsage | undefined {
  const metadata = _object(reading, path, value);
  if (metadata === undefined) return undefined;
  if (!_hasAny(metadata, USAGE_KEYS)) {
    _addIssue(reading, path, metadata, USAGE_EXPECTED, `${_describeValue(metadata)} without any`);
    return undefined;
  }
  const schema = reading.strict ? StrictGeminiUsageMetadataSchema : GeminiUsageMetadataSchema;
  const { value: usage, issues } = schema['~run']({ value: metadata }, reading.config);
  if (issues) {
    _addIssuesAt(reading, path, issues);
    return undefined;
  }
  return usage;
}

/** The images of a candidate: its parts with `inlineData` of an `image/` type, thought images (drafts) left out. */
function imagesOf(reading: _Reading, path: _Path, candidate: unknown): number {
  const object = _object(reading, path, candidate);
  if (object === undefined) return 0;
  const content = _field(object, 'content');
  const contentPath = _at(path, object, 'content', content);
  const holder = _object(reading, contentPath, content);
  if (holder === undefined) return 0;
  const list = _field(holder, 'parts');
  const listPath = _at(contentPath, holder, 'parts', list);
  let images = 0;
  for (const [index, part] of _items(reading, listPath, list).entries()) {
    if (!_isObject(part)) {
      _addIssue(reading, _at(listPath, list as unknown[], index, part), part, _OBJECT.expected);
      continue;
    }
    const inline = _field(part, 'inlineData');
    if (!_isObject(inline) || _field(part, 'thought') === true) continue;
    const type = _field(inline, 'mimeType');
    if (typeof type === 'string' && type.startsWith('image/')) images++;
  }
  return images;
}

/**
 * Reads a `GenerateContentResponse` of Gemini (Gemini API, Vertex AI), or
 * one chunk of a stream (whose usage is the whole so far): the usage of
 * `usageMetadata` (with the Gemini schema), the model of `modelVersion`, and
 * the image parts of the candidates.
 *
 * @param body The body.
 * @param path The path to it.
 * @param reading The read.
 *
 * @returns What it holds, or `undefined`.
 */
export function _readGeminiResponse(body: object, path: _Path, reading: _Reading): _Found | undefined {
  if (!_hasAny(body, _GEMINI_RESPONSE.keys)) return _notOfShape(reading, path, body, _GEMINI_RESPONSE);
  const candidates = _field(body, 'candidates');
  const candidatesPath = _at(path, body, 'candidates', candidates);
  let images = 0;
  for (const [index, candidate] of _items(reading, candidatesPath, candidates).entries()) {
    images += imagesOf(reading, _at(candidatesPath, candidates as unknown[], index, candidate), candidate);
  }
  const metadata = _field(body, 'usageMetadata');
  return {
    shape: _GEMINI_RESPONSE.shape,
    model: _model(reading, path, body, 'modelVersion'),
    usage: readUsage(reading, _at(path, body, 'usageMetadata', metadata), metadata),
    images,
    reportedCost: undefined,
  };
}

/**
 * Creates the schema of a Gemini response (`GenerateContentResponse` of the
 * Gemini API or Vertex AI), or of one chunk of a stream: the usage of
 * `usageMetadata` as `GeminiUsageMetadataSchema` reads it (cached tokens
 * included; a `usageMetadata` without any usage key is an issue, never
 * zeros), the model of `modelVersion` (else the `model` option), and one
 * image per `inlineData` part of an `image/` type in the candidates, thought
 * images left out. Each chunk of a stream repeats the usage so far: the last
 * one holds the whole, and adding the chunks up over-counts.
 *
 * @param options The model of the request, and `strict` for the strict rules.
 *
 * @returns The schema.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { geminiResponseSchema } from 'image-usage';
 *
 * const { model, usage, images } = v.parse(geminiResponseSchema({ strict: true }), await response.json());
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function geminiResponseSchema(options?: ParseImageResponseOptions): ImageResponseSchemaType {
  return _responseSchema(geminiResponseSchema, _readGeminiResponse, [_GEMINI_RESPONSE.shape], options);
}
