import * as v from 'valibot';
import { _OBJECT } from '../_shape.ts';
import { _config } from '../_internal/_globalConfig.ts';
import { _UNREADABLE } from '../parse/_parseUsage.ts';
import type { ImageResponse, ImageResponseSchemaType, ImageResponseShape, ParseImageResponseOptions } from './ImageResponse.ts';
import { _addIssue, type _Found, _isObject, type _Path, type _Reading } from './_reading.ts';

/** A reader of one shape (or of any): what the body holds, or `undefined` with the issues added to the read. */
export type _Reader = (body: object, path: _Path, reading: _Reading) => _Found | undefined;

/** The options, read once: the ones of the wrong type (or whose getter throws) as not given. */
export interface _Settings {
  readonly model: string | undefined;
  readonly promptTokens: 'text' | 'image' | undefined;
  readonly strict: boolean;
}

/** An option, or `undefined` when it cannot be read. */
function option(options: unknown, key: keyof ParseImageResponseOptions): unknown {
  try {
    return (options as Record<string, unknown> | null | undefined)?.[key];
  } catch {
    return undefined;
  }
}

/**
 * Reads the options once, never throwing: a value of the wrong type, or a
 * getter that throws, counts as not given.
 *
 * @param options The options.
 *
 * @returns The settings.
 */
export function _settings(options: unknown): _Settings {
  const model = option(options, 'model');
  const promptTokens = option(options, 'openRouterPromptTokens');
  return {
    model: typeof model === 'string' && model !== '' ? model : undefined,
    promptTokens: promptTokens === 'text' || promptTokens === 'image' ? promptTokens : undefined,
    strict: option(options, 'strict') === true,
  };
}

/** What a message says was expected of a value that is not one response. */
const ONE_RESPONSE = "one response (an object; a stream's chunks one at a time)";

/**
 * Reads a whole response with a reader, inside a `try`: a value that could
 * not be read (a getter or proxy trap threw, on any read) gets one issue
 * saying so. What comes out holds nothing that calls back into the input.
 *
 * @param input The value.
 * @param settings The options.
 * @param read The reader.
 * @param config valibot's configuration.
 *
 * @returns The response, or the issues.
 */
export function _readResponse(
  input: unknown,
  settings: _Settings,
  read: _Reader,
  config: v.Config<v.BaseIssue<unknown>>,
): v.OutputDataset<ImageResponse, v.BaseIssue<unknown>> {
  const reading: _Reading = { strict: settings.strict, promptTokens: settings.promptTokens, config, issues: [], derived: [] };
  let found: _Found | undefined;
  try {
    if (!_isObject(input)) _addIssue(reading, [], input, _OBJECT.expected);
    else if (Array.isArray(input)) _addIssue(reading, [], input, ONE_RESPONSE);
    else found = read(input, [], reading);
  } catch {
    return { typed: false, value: input, issues: [{ ..._UNREADABLE, type: 'image_response', input }] };
  }
  if (found === undefined || reading.issues.length > 0) {
    const issues = reading.issues as [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];
    return { typed: false, value: input, issues: _config(config).abortEarly === true ? [issues[0]] : issues };
  }
  const { shape, model, usage, images, reportedCost } = found;
  // Every image costs output tokens: a usage without any is not the whole bill (the Responses API
  // leaves out the image calls whose usage it lacks), and pricing it would give a smaller one.
  if (images > 0 && usage !== undefined && usage.outputTokens === 0) {
    const expected = `output tokens for the ${images === 1 ? 'image' : `${images} images`} it carries`;
    _addIssue(reading, [], input, expected, 'a usage with none');
    return { typed: false, value: input, issues: reading.issues as [v.BaseIssue<unknown>] };
  }
  const response: { -readonly [key in keyof ImageResponse]: ImageResponse[key] } = { shape, model: model ?? settings.model, usage, images, reportedCost };
  if (reading.derived.length > 0) response.derived = reading.derived;
  return { typed: true, value: response };
}

/**
 * Makes the schema of a reader: a valibot schema, and a Standard Schema,
 * whose run is {@link _readResponse} with the options given here.
 *
 * @param reference The function that made it.
 * @param read The reader.
 * @param shapes The shapes it reads.
 * @param options The options, read once, now.
 *
 * @returns The schema.
 */
// @__NO_SIDE_EFFECTS__
export function _responseSchema(
  reference: (options?: ParseImageResponseOptions) => ImageResponseSchemaType,
  read: _Reader,
  shapes: readonly ImageResponseShape[],
  options: ParseImageResponseOptions | undefined,
): ImageResponseSchemaType {
  const settings = _settings(options);
  const schema = {
    kind: 'schema',
    type: 'image_response',
    reference,
    expects: 'Object',
    async: false,
    shapes,
    '~run': (dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) => _readResponse(dataset.value, settings, read, config),
  } as unknown as ImageResponseSchemaType;
  (schema as { '~standard': v.StandardProps<unknown, ImageResponse> })['~standard'] = {
    version: 1,
    vendor: 'valibot',
    validate: (value) => schema['~run']({ value }, v.getGlobalConfig()) as ReturnType<v.StandardProps<unknown, ImageResponse>['validate']>,
  };
  return schema;
}
