import { _COUNT_CHECKS, _WIRE } from '../_shape.ts';
import { _formatFigures } from '../_internal/_formatNumber.ts';
import type { ImageUsage } from '../types/index.ts';
import type { ImageResponseSchemaType, ParseImageResponseOptions } from './ImageResponse.ts';
import { _responseSchema } from './_readResponse.ts';
import {
  _addIssue,
  _at,
  _count,
  _deriveMissing,
  _dotPath,
  _field,
  type _Found,
  _hasAny,
  _items,
  _model,
  _notOfShape,
  _object,
  type _Path,
  type _Reading,
} from './_reading.ts';
import { _CHAT_USAGE, _OPENROUTER, _PARTIAL_IMAGE } from './_shapes.ts';

const { prompt: PROMPT, completion: COMPLETION, total: TOTAL, promptDetails: PROMPT_DETAILS, completionDetails: COMPLETION_DETAILS } = _CHAT_USAGE;

/** OpenAI's own usage keys (not the total, which both have): a chat-style usage that has one mixes two namings. */
const WIRE_ONLY = [_WIRE.counts[1], _WIRE.counts[2], _WIRE.details[0], _WIRE.details[1]];

/** What a message says was expected of a usage that mixes the two namings. */
const ONE_NAMING = `chat-style usage keys (${PROMPT}, ...) or OpenAI's (${WIRE_ONLY[0]!}, ...), not both`;

/** What a message says was expected of prompt tokens without the option that says how to read them. */
const PROMPT_SPLIT = "0, or openRouterPromptTokens: 'text' or 'image' (OpenRouter does not split prompt tokens)";

/**
 * Reads a count of the usage (or of one of its details objects): the count,
 * `'missing'` when absent (or `null`, for an optional one), or `undefined`
 * when it has an issue (added).
 */
function countAt(reading: _Reading, path: _Path, object: object, key: string, optional = false): number | 'missing' | undefined {
  const value = _field(object, key);
  return value === undefined || (optional && value === null) ? 'missing' : _count(reading, _at(path, object, key, value), value);
}

/**
 * Reads OpenRouter's chat-style usage into an `ImageUsage`: input = prompt
 * (all text or all image, as the option says), output = completion, split
 * into `image_tokens` and the rest (text and reasoning) when the details give
 * the image tokens, cached = `prompt_tokens_details.cached_tokens`; a missing
 * total, prompt or completion is derived from the other two.
 */
function readChatUsage(reading: _Reading, path: _Path, usage: object): ImageUsage | undefined {
  const before = reading.issues.length;
  const chat = [PROMPT, COMPLETION].find((key) => key in usage);
  const wire = WIRE_ONLY.find((key) => key in usage);
  if (chat !== undefined && wire !== undefined) {
    _addIssue(reading, path, usage, ONE_NAMING, `${chat} and ${wire}`);
    return undefined;
  }
  const keys = [TOTAL, PROMPT, COMPLETION] as const;
  const counts = keys.map((key) => countAt(reading, path, usage, key));
  // A count with an issue (undefined) is not missing: nothing is derived from or in place of it.
  const found = counts.includes(undefined) ? undefined : _deriveMissing(counts.map((count) => (count === 'missing' ? undefined : count)));
  if (found !== undefined) {
    counts[found[0]] = found[1];
    reading.derived.push(_dotPath(_at(path, usage, keys[found[0]]!, undefined)));
  }
  counts.forEach((count, index) => {
    if (count === 'missing') _addIssue(reading, _at(path, usage, keys[index]!, undefined), undefined, 'number');
  });
  // The details: the image part of the completion, the cached part of the prompt, and what has no place.
  const detailsAt = (key: string): [object | undefined, _Path] => {
    const value = _field(usage, key);
    const at = _at(path, usage, key, value);
    return [_object(reading, at, value), at];
  };
  const [promptDetails, promptPath] = detailsAt(PROMPT_DETAILS);
  const [completionDetails, completionPath] = detailsAt(COMPLETION_DETAILS);
  for (const [owner, key] of _CHAT_USAGE.refused) {
    const [object, at] = owner === PROMPT_DETAILS ? [promptDetails, promptPath] : [completionDetails, completionPath];
    const value = object === undefined ? undefined : _field(object, key);
    if (value === undefined || value === null) continue;
    const tokens = _count(reading, _at(at, object!, key, value), value);
    if (tokens !== undefined && tokens > 0) {
      _addIssue(reading, _at(at, object!, key, value), value, `no ${key} (an ImageUsage has no place for them)`);
    }
  }
  const cached = promptDetails === undefined ? 'missing' : countAt(reading, promptPath, promptDetails, _CHAT_USAGE.cached, true);
  const image = completionDetails === undefined ? 'missing' : countAt(reading, completionPath, completionDetails, _CHAT_USAGE.image, true);
  if (reading.issues.length > before) return undefined;
  const [totalTokens, inputTokens, outputTokens] = counts as number[];
  const result: ImageUsage = { totalTokens: totalTokens!, inputTokens: inputTokens!, outputTokens: outputTokens!, inputTokensDetails: { textTokens: 0, imageTokens: 0 } };
  if (inputTokens! > 0) {
    if (reading.promptTokens === undefined) {
      _addIssue(reading, _at(path, usage, PROMPT, inputTokens), inputTokens, PROMPT_SPLIT);
      return undefined;
    }
    result.inputTokensDetails = reading.promptTokens === 'text' ? { textTokens: inputTokens!, imageTokens: 0 } : { textTokens: 0, imageTokens: inputTokens! };
  }
  if (image !== 'missing' && image !== undefined) {
    if (image > outputTokens!) {
      const at = _at(completionPath, completionDetails!, _CHAT_USAGE.image, image);
      const [bound, figure] = _formatFigures([], outputTokens!, image);
      _addIssue(reading, at, image, `<= ${COMPLETION} = ${bound} (image tokens are part of the completion)`, figure);
      return undefined;
    }
    result.outputTokensDetails = { textTokens: outputTokens! - image, imageTokens: image };
  }
  if (cached !== 'missing' && cached !== undefined) result.cachedTokens = cached;
  if (reading.strict) {
    if (totalTokens !== inputTokens! + outputTokens!) {
      const [sum, figure] = _formatFigures([inputTokens!, outputTokens!], inputTokens! + outputTokens!, totalTokens!);
      _addIssue(reading, _at(path, usage, TOTAL, totalTokens), totalTokens, `${PROMPT} + ${COMPLETION} = ${sum}`, figure);
    }
    if (cached !== 'missing' && cached !== undefined && cached > inputTokens!) {
      const at = _at(promptPath, promptDetails!, _CHAT_USAGE.cached, cached);
      _addIssue(reading, at, cached, `<= ${PROMPT} = ${inputTokens!} (cached tokens are part of the prompt)`);
    }
    if (reading.issues.length > before) return undefined;
  }
  return result;
}

/** The images of a chat completion's choices: the `images` of each message (or of each chunk's delta). */
function imagesOfChoices(reading: _Reading, path: _Path, choices: unknown): number {
  let images = 0;
  for (const [index, choice] of _items(reading, path, choices).entries()) {
    const choicePath = _at(path, choices as unknown[], index, choice);
    const object = _object(reading, choicePath, choice);
    if (object === undefined) continue;
    for (const key of ['message', 'delta']) {
      const value = _field(object, key);
      const message = _object(reading, _at(choicePath, object, key, value), value);
      if (message === undefined) continue;
      const list = _field(message, 'images');
      images += _items(reading, _at(_at(choicePath, object, key, value), message, 'images', list), list).length;
    }
  }
  return images;
}

/**
 * Reads a response of OpenRouter: a chat completion (images in the messages),
 * or an `/api/v1/images` body (images in `data`) or event (one image), with
 * its chat-style usage and the cost it reports.
 *
 * @param body The body.
 * @param path The path to it.
 * @param reading The read.
 *
 * @returns What it holds, or `undefined`.
 */
export function _readOpenRouter(body: object, path: _Path, reading: _Reading): _Found | undefined {
  if (!_hasAny(body, _OPENROUTER.keys)) return _notOfShape(reading, path, body, _OPENROUTER);
  const choices = _field(body, 'choices');
  let images = imagesOfChoices(reading, _at(path, body, 'choices', choices), choices);
  const data = _field(body, 'data');
  images += _items(reading, _at(path, body, 'data', data), data).length;
  if ('b64_json' in body && !_hasAny(body, _PARTIAL_IMAGE)) images++;
  const value = _field(body, 'usage');
  const usagePath = _at(path, body, 'usage', value);
  const usage = _object(reading, usagePath, value);
  let reportedCost: number | undefined;
  if (usage !== undefined) {
    const cost = _field(usage, _CHAT_USAGE.cost);
    if (cost !== undefined && cost !== null) reportedCost = _count(reading, _at(usagePath, usage, _CHAT_USAGE.cost, cost), cost, _COUNT_CHECKS);
  }
  return {
    shape: _OPENROUTER.shape,
    model: _model(reading, path, body, 'model'),
    usage: usage === undefined ? undefined : readChatUsage(reading, usagePath, usage),
    images,
    reportedCost,
  };
}

/**
 * Creates the schema of a response of OpenRouter: a chat completion with
 * image output (or one chunk of a stream), or an `/api/v1/images` body or
 * event. The usage is chat-style: input = `prompt_tokens`, output =
 * `completion_tokens`, its image part `completion_tokens_details.image_tokens`
 * and its text part the rest (reasoning included); without `image_tokens` the
 * output is not split. OpenRouter does not split prompt tokens: when they are
 * not zero, `openRouterPromptTokens` says whether they are text or image, and
 * without it they are an issue. Cached tokens are
 * `prompt_tokens_details.cached_tokens`; audio and cache-write tokens are an
 * issue. `reportedCost` is `usage.cost`; the model is `model`.
 *
 * @param options How to read the prompt tokens, the model of the request, and `strict` for the strict rules.
 *
 * @returns The schema.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { openRouterResponseSchema } from 'image-usage';
 *
 * const Completion = openRouterResponseSchema({ openRouterPromptTokens: 'text' });
 * const { model, usage, images, reportedCost } = v.parse(Completion, await response.json());
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function openRouterResponseSchema(options?: ParseImageResponseOptions): ImageResponseSchemaType {
  return _responseSchema(openRouterResponseSchema, _readOpenRouter, [_OPENROUTER.shape], options);
}
