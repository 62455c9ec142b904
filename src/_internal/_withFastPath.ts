import * as v from 'valibot';
import { _SDK, _WIRE } from '../_shape.ts';
import type { ImageUsage } from '../types/index.ts';
import { _copyImageUsage, _copyWireImageUsage } from './_copyUsage.ts';
import { _config } from './_globalConfig.ts';
import { _addsUp, _hasStrictCounts } from './_matchesImageUsage.ts';
import { _withUsageKeys } from './_withoutUsageKeys.ts';

/** A schema with a pipe: an object schema first, then what makes the output and what checks it. */
type UsageSchema = v.GenericSchema & { readonly pipe: readonly unknown[] };

/**
 * The fast path of the four usage schemas: a checked copy of valid input, or
 * `undefined`. One function for all four, called from one place, rather than
 * one each: then every call in the shared code goes to one function, which V8
 * inlines, and parsing one form does not slow the other down (passing a
 * function per schema made parseImageUsage of the SDK form twice as slow once
 * the wire form had been parsed too).
 */
function readCopy(input: unknown, wire: boolean, strict: boolean): ImageUsage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const copy = wire ? _copyWireImageUsage(input) : _copyImageUsage(input);
  return copy !== undefined && (!strict || _hasStrictCounts(copy)) ? copy : undefined;
}

/** The rest of valibot's pipe loop on a valid copy: the items after the copier are checks. */
function runChecks(
  checks: readonly v.PipeItem<unknown, unknown, v.BaseIssue<unknown>>[],
  dataset: v.OutputDataset<ImageUsage, v.BaseIssue<unknown>>,
  config: v.Config<v.BaseIssue<unknown>>,
): v.OutputDataset<ImageUsage, v.BaseIssue<unknown>> {
  let result = dataset;
  for (const item of checks) {
    if (item.kind !== 'metadata' && (!result.issues || (!config.abortEarly && !config.abortPipeEarly))) {
      result = (item as v.GenericValidation<ImageUsage>)['~run'](result, config);
    }
  }
  return result;
}

/**
 * Makes a schema that runs `run` in place of its own `~run`, and is
 * otherwise the same valibot schema (entries, pipe, `~standard`), so that it
 * composes in `v.pipe`, `v.safeParse` and every Standard Schema consumer.
 */
function withRun<TSchema extends UsageSchema>(
  schema: TSchema,
  run: (dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) => v.OutputDataset<unknown, v.BaseIssue<unknown>>,
): TSchema {
  const fast: TSchema = { ...schema, '~run': run };
  (fast as { '~standard': v.StandardProps<unknown, unknown> })['~standard'] = {
    version: 1,
    vendor: 'valibot',
    validate: (value) => run({ value }, v.getGlobalConfig()) as ReturnType<v.StandardProps<unknown, unknown>['validate']>,
  };
  return fast;
}

/**
 * Gives a schema a fast path that answers valid input on its own: `read`
 * gives the output of valid input, or `undefined` for anything else, which
 * then runs the whole pipe, so that its issues are valibot's own. The
 * properties test checks that it accepts, outputs and reports what the pipe
 * does.
 *
 * @param schema The whole pipe.
 * @param read The output of valid input, or `undefined`.
 *
 * @returns The schema with the fast path.
 */
// @__NO_SIDE_EFFECTS__
export function _withFastRead<TSchema extends UsageSchema>(schema: TSchema, read: (input: unknown) => ImageUsage | undefined): TSchema {
  return withRun(schema, (dataset, config) => {
    const output = read(dataset.value);
    return output === undefined ? schema['~run'](dataset, _config(config)) : { typed: true, value: output };
  });
}

/**
 * Gives one of the four usage schemas its fast path: the copier of its form
 * reads the input (each field once) and checks it as it copies; for valid
 * input the copy is the output, and the rest of the pipe after the copier
 * (the consistency check of a strict schema) runs on it, as valibot's pipe
 * would run it; anything else runs the whole pipe, so that its issues are
 * valibot's own. The properties test checks that it accepts, outputs and
 * reports what the pipe does, for any input whose `has` agrees with its `get`
 * (the copier reads with `get` only, valibot asks `has` first). An object
 * with none of the form's keys is one issue ({@link _withUsageKeys}).
 *
 * @param piped The whole pipe: an object schema, the copier, and any checks of the copy.
 * @param wire Whether the schema takes the wire form (the SDK form otherwise).
 * @param strict Whether its counts are under the strict rules.
 *
 * @returns The schema with the fast path.
 */
// @__NO_SIDE_EFFECTS__
export function _withFastPath<TSchema extends UsageSchema>(piped: TSchema, wire: boolean, strict: boolean): TSchema {
  const keys = wire ? _WIRE : _SDK;
  const schema = _withUsageKeys(piped, `usage keys in ${wire ? 'snake_case' : 'camelCase'} (${keys.counts[0]}, ...)`, false);
  const checks = schema.pipe.slice(2) as v.PipeItem<unknown, unknown, v.BaseIssue<unknown>>[];
  return withRun(schema, (dataset, config) => {
    const output = readCopy(dataset.value, wire, strict);
    if (output === undefined) return schema['~run'](dataset, _config(config));
    const result: v.SuccessDataset<ImageUsage> = { typed: true, value: output };
    // A strict copy whose sums hold exactly needs no consistency action: it would find nothing.
    return checks.length === 0 || (strict && _addsUp(output)) ? result : runChecks(checks, result, _config(config));
  });
}
