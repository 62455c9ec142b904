import * as v from 'valibot';
import { _FETCH_RESPONSE, _WHOLE_RESPONSES } from '../_shape.ts';
import { _describeValue } from './_describeValue.ts';

/**
 * What an issue says was received when an object holds none of a form's
 * usage keys: its class name (`Object`, `Array`, `Map`, a class's own), and
 * what to do where it looks like a whole response (`response.usage`) or is a
 * fetch `Response` whose body is still to be read. It reads the object's keys
 * with `in` and its class name: call it only while the input may be read.
 *
 * @param input The object.
 * @param gemini Whether the schema asking takes Gemini's form (a response of the other kind names the reader of its usage).
 *
 * @returns The text: `Object without any, but with usage: a whole response? pass response.usage, or the response to parseImageResponse`.
 */
export function _withoutUsageKeys(input: object, gemini: boolean): string {
  const name = _describeValue(input);
  const whole = _WHOLE_RESPONSES.find(({ key }) => key in input);
  const reader = whole?.gemini === gemini ? '' : ` to ${gemini ? 'parseImageUsage' : 'GeminiUsageMetadataSchema'}`;
  return `${name} without any${
    name === _FETCH_RESPONSE
      ? ': read its body first (await response.json())'
      : whole
        ? `, but with ${whole.key}: a whole response? pass response.${whole.usage}${reader}, or the response to parseImageResponse`
        : ''
  }`;
}

/** The object schema that starts the pipe of a usage schema. */
type UsageObject = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue>>;

/**
 * Gives a usage schema the rule that an object holding none of its keys (as
 * valibot reads them, with `in`) is one issue, never zeros and never an issue
 * per missing key: the object schema that starts its pipe, made for this
 * schema alone, answers it before reading any field; every other value goes
 * to that object schema's own run. The object schema is changed in place, so
 * that its pipe, its `~standard` and a pipe rebuilt from `schema.pipe` all
 * have the rule.
 *
 * @param schema The usage schema: a pipe whose first item is the object schema of the form.
 * @param expected What the issue says was expected: `usage keys in camelCase (totalTokens, ...)`.
 * @param gemini Whether the schema takes Gemini's form.
 *
 * @returns The schema.
 */
// @__NO_SIDE_EFFECTS__
export function _withUsageKeys<TSchema extends v.GenericSchema & { readonly pipe: readonly unknown[] }>(
  schema: TSchema,
  expected: string,
  gemini: boolean,
): TSchema {
  const object = schema.pipe[0] as UsageObject;
  const keys = Object.keys(object.entries);
  const run = object['~run'];
  (object as { '~run': UsageObject['~run'] })['~run'] = (dataset, config) => {
    const input = dataset.value;
    if (typeof input !== 'object' || input === null || keys.some((key) => key in input)) return run.call(object, dataset, config);
    const received = _withoutUsageKeys(input, gemini);
    v._addIssue(object, 'keys', dataset, config, { expected, received, message: `expected ${expected}, received ${received}` });
    return dataset as never;
  };
  return schema;
}
