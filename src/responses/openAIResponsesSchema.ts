import { _OBJECT } from '../_shape.ts';
import { _describeValue } from '../_internal/_describeValue.ts';
import type { ImageResponseSchemaType, ParseImageResponseOptions } from './ImageResponse.ts';
import { _responseSchema } from './_readResponse.ts';
import { _addIssue, _at, _field, type _Found, _hasAny, _isObject, _items, _model, _notOfShape, _object, type _Path, type _Reading } from './_reading.ts';
import { _OPENAI_RESPONSES } from './_shapes.ts';
import { _readWireUsage } from './_usage.ts';

/** The keys of the Responses API's body itself, as opposed to an event around it (`response`). */
const BODY_KEYS = /* @__PURE__ */ _OPENAI_RESPONSES.keys.slice(0, 2);
const BODY_EXPECTED = `the body of a Responses API response (${/* @__PURE__ */ BODY_KEYS.join(' or ')})`;

/**
 * Reads a body of OpenAI's Responses API, or an event around one
 * (`response.completed`: `{ type, response }`): the image tool's usage at
 * `tool_usage.image_gen` (not `usage`, the language model's), its images the
 * `image_generation_call` items of `output` that hold a result, its model the
 * `model` of the `image_generation` entry of `tools` (not the body's
 * `model`, the language model).
 *
 * @param body The body, or the event.
 * @param path The path to it.
 * @param reading The read.
 *
 * @returns What it holds, or `undefined`.
 */
export function _readOpenAIResponses(body: object, path: _Path, reading: _Reading): _Found | undefined {
  if (!_hasAny(body, _OPENAI_RESPONSES.keys)) return _notOfShape(reading, path, body, _OPENAI_RESPONSES);
  let response = body;
  let at = path;
  if (!_hasAny(body, BODY_KEYS)) {
    const inner = _field(body, _OPENAI_RESPONSES.keys[2]!);
    at = _at(path, body, _OPENAI_RESPONSES.keys[2]!, inner);
    if (!_isObject(inner)) {
      _addIssue(reading, at, inner, _OBJECT.expected);
      return undefined;
    }
    if (!_hasAny(inner, BODY_KEYS)) {
      _addIssue(reading, at, inner, BODY_EXPECTED, `${_describeValue(inner)} without any`);
      return undefined;
    }
    response = inner;
  }
  // The image model: the image_generation tool's, when the request named one.
  let model: string | undefined;
  const tools = _field(response, 'tools');
  const toolsPath = _at(at, response, 'tools', tools);
  for (const [index, tool] of _items(reading, toolsPath, tools).entries()) {
    if (_isObject(tool) && _field(tool, 'type') === 'image_generation') {
      model = _model(reading, _at(toolsPath, tools as unknown[], index, tool), tool, 'model');
      break;
    }
  }
  let images = 0;
  const output = _field(response, 'output');
  const outputPath = _at(at, response, 'output', output);
  for (const [index, item] of _items(reading, outputPath, output).entries()) {
    if (!_isObject(item)) _addIssue(reading, _at(outputPath, output as unknown[], index, item), item, _OBJECT.expected);
    else if (_field(item, 'type') === 'image_generation_call') {
      const result = _field(item, 'result');
      if (typeof result === 'string' && result !== '') images++;
    }
  }
  const toolUsage = _field(response, 'tool_usage');
  const toolUsagePath = _at(at, response, 'tool_usage', toolUsage);
  const byTool = _object(reading, toolUsagePath, toolUsage);
  const imageGen = byTool === undefined ? undefined : _field(byTool, 'image_gen');
  return {
    shape: _OPENAI_RESPONSES.shape,
    model,
    usage: byTool === undefined ? undefined : _readWireUsage(reading, _at(toolUsagePath, byTool, 'image_gen', imageGen), imageGen),
    images,
    reportedCost: undefined,
  };
}

/**
 * Creates the schema of a body of OpenAI's Responses API with the
 * `image_generation` tool, or of a `response.completed` event around one
 * (`{ type, response }`). The image usage is `tool_usage.image_gen` (wire
 * form, cached tokens included), never `usage`, which is the language
 * model's; a body without `tool_usage` (recorded before late 2026) reports no
 * image usage: `usage: undefined`, not zeros. The images are the
 * `image_generation_call` items of `output` that hold a result, and the model
 * the `model` of the `image_generation` entry of `tools` (when the request
 * left the default, the `model` option).
 *
 * @param options The image model of the request, and `strict` for the strict rules.
 *
 * @returns The schema.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { openAIResponsesSchema } from 'image-usage';
 *
 * const { model, usage, images } = v.parse(openAIResponsesSchema(), response);
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function openAIResponsesSchema(options?: ParseImageResponseOptions): ImageResponseSchemaType {
  return _responseSchema(openAIResponsesSchema, _readOpenAIResponses, [_OPENAI_RESPONSES.shape], options);
}
